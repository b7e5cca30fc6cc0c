namespace Petitions.Core.Notifications;

/// <summary>
/// Nobody gets a non-urgent message at night: a message due between 22:00 and 07:00 in
/// Asia/Ho_Chi_Minh (UTC+7 all year, no daylight saving) waits for 07:00. Pure: it takes the
/// instant, it never reads a clock.
/// </summary>
public sealed class QuietHours
{
    /// <summary>Vietnam's offset from UTC (Asia/Ho_Chi_Minh has had no DST since 1975).</summary>
    public static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    public QuietHours()
        : this(new TimeOnly(22, 0), new TimeOnly(7, 0))
    {
    }

    public QuietHours(TimeOnly start, TimeOnly end)
    {
        Start = start;
        End = end;
    }

    public static QuietHours Default { get; } = new();

    public TimeOnly Start { get; }

    public TimeOnly End { get; }

    /// <summary>True when <paramref name="instant"/> falls in quiet hours, local time.</summary>
    public bool IsQuiet(DateTimeOffset instant)
    {
        var local = TimeOnly.FromTimeSpan(instant.ToOffset(VietnamOffset).TimeOfDay);
        return Start > End ? local >= Start || local < End : local >= Start && local < End;
    }

    /// <summary>When a message due at <paramref name="due"/> may go out.</summary>
    public DateTimeOffset EarliestSend(DateTimeOffset due, NotificationUrgency urgency)
    {
        if (urgency == NotificationUrgency.Urgent || !IsQuiet(due))
        {
            return due;
        }

        var local = due.ToOffset(VietnamOffset);
        var endToday = new DateTimeOffset(local.Date + End.ToTimeSpan(), VietnamOffset);
        var release = endToday > local ? endToday : endToday.AddDays(1);
        return release.ToUniversalTime();
    }
}
