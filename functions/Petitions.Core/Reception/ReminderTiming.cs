namespace Petitions.Core.Reception;

/// <summary>
/// When citizens are messaged about a session. Quiet hours are 22:00–07:00 Asia/Ho_Chi_Minh: no
/// SMS is sent then. The reminder goes the calendar day before the session, at the session's own
/// start time moved into the allowed hours (not before 07:00; a start at or after 22:00 is
/// reminded at 21:00).
/// </summary>
public static class ReminderTiming
{
    /// <summary>Start of quiet hours (local).</summary>
    public static readonly TimeOnly QuietFrom = new(22, 0);

    /// <summary>End of quiet hours (local): the earliest time a message is sent.</summary>
    public static readonly TimeOnly QuietUntil = new(7, 0);

    /// <summary>Latest reminder time when the session starts during evening quiet hours.</summary>
    public static readonly TimeOnly LatestReminder = new(21, 0);

    /// <summary>The reminder instant for a session starting at <paramref name="sessionStart"/>.</summary>
    public static DateTimeOffset ReminderFor(DateTimeOffset sessionStart)
    {
        var local = sessionStart.ToOffset(ReceptionOccurrence.VietnamOffset);
        var dayBefore = DateOnly.FromDateTime(local.DateTime).AddDays(-1);
        var time = TimeOnly.FromDateTime(local.DateTime);
        if (time < QuietUntil)
        {
            time = QuietUntil;
        }
        else if (time >= QuietFrom)
        {
            time = LatestReminder;
        }

        return new DateTimeOffset(dayBefore.ToDateTime(time), ReceptionOccurrence.VietnamOffset);
    }

    /// <summary>
    /// The reminder to schedule for a booking made at <paramref name="bookedAt"/>, or null when the
    /// booking is made at or after the reminder time (the confirmation SMS then serves).
    /// </summary>
    public static DateTimeOffset? ReminderFor(DateTimeOffset sessionStart, DateTimeOffset bookedAt)
    {
        var reminder = ReminderFor(sessionStart);
        return bookedAt < reminder ? reminder : null;
    }

    /// <summary>The earliest instant at or after <paramref name="instant"/> outside quiet hours (for confirmations).</summary>
    public static DateTimeOffset OutsideQuietHours(DateTimeOffset instant)
    {
        var local = instant.ToOffset(ReceptionOccurrence.VietnamOffset);
        var time = TimeOnly.FromDateTime(local.DateTime);
        var date = DateOnly.FromDateTime(local.DateTime);
        if (time >= QuietFrom)
        {
            return new DateTimeOffset(date.AddDays(1).ToDateTime(QuietUntil), ReceptionOccurrence.VietnamOffset);
        }

        return time < QuietUntil ? new DateTimeOffset(date.ToDateTime(QuietUntil), ReceptionOccurrence.VietnamOffset) : local;
    }
}
