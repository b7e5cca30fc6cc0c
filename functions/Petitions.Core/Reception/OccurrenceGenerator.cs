using Petitions.Core.Calendar;

namespace Petitions.Core.Reception;

/// <summary>
/// Generates a schedule's occurrences on the working-day calendar.
/// <para>Rule: a nominal date that is a working day keeps its session. A nominal date that is a
/// holiday or rest day is, per the schedule's policy, cancelled with notice or moved to the next
/// working day that holds no other session of the same schedule (nominal dates that stay keep
/// their day; moved sessions are placed in order of their original dates, each taking the first
/// free working day after its original date). A move may cross into the next month; the
/// legal-minimum checker counts the session where it is held.</para>
/// <para>Stability: placement looks back <see cref="LookBackDays"/> days before the range, so an
/// occurrence's date and id do not depend on the range asked for.</para>
/// </summary>
public sealed class OccurrenceGenerator(IWorkingCalendar calendar)
{
    /// <summary>How far before the range nominal dates are placed, so moves into the range are found.</summary>
    public const int LookBackDays = 45;

    /// <summary>How far a session may move before the generator gives up (no working day in sight).</summary>
    public const int MaxMoveDays = 30;

    private readonly IWorkingCalendar _calendar = calendar ?? throw new ArgumentNullException(nameof(calendar));

    /// <summary>
    /// Occurrences whose original date or actual date lies in [<paramref name="from"/>, <paramref name="to"/>],
    /// ordered by actual date. Cancelled occurrences are included (they must be published).
    /// </summary>
    public IReadOnlyList<ReceptionOccurrence> Generate(
        ReceptionSchedule schedule,
        DateOnly from,
        DateOnly to,
        IEnumerable<SessionCancellation>? cancellations = null)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        if (to < from)
        {
            throw new ArgumentException($"The range ends ({to:yyyy-MM-dd}) before it starts ({from:yyyy-MM-dd}).", nameof(to));
        }

        var cancelled = (cancellations ?? [])
            .Where(c => c.ScheduleId == schedule.Id)
            .GroupBy(c => c.OriginalDate)
            .ToDictionary(g => g.Key, g => g.First().Reason);

        var nominal = schedule.Recurrence.DatesBetween(from.AddDays(-LookBackDays), to.AddDays(MaxMoveDays)).ToList();
        var taken = nominal.Where(d => _calendar.Describe(d).IsWorkingDay).ToHashSet();
        var result = new List<ReceptionOccurrence>();
        foreach (var original in nominal.Where(d => d <= to))
        {
            var occurrence = Place(schedule, original, taken, cancelled);
            if ((occurrence.OriginalDate >= from && occurrence.OriginalDate <= to) || (occurrence.Date >= from && occurrence.Date <= to))
            {
                result.Add(occurrence);
            }
        }

        return result.OrderBy(o => o.Date).ThenBy(o => o.OriginalDate).ToList();
    }

    private ReceptionOccurrence Place(
        ReceptionSchedule schedule,
        DateOnly original,
        HashSet<DateOnly> taken,
        Dictionary<DateOnly, string> cancelled)
    {
        var occurrence = new ReceptionOccurrence(
            ReceptionOccurrence.IdFor(schedule.Id, original),
            schedule.Id,
            schedule.UnitId,
            schedule.HeadStaffId,
            schedule.Place,
            original,
            original,
            schedule.Start,
            schedule.End,
            schedule.Capacity,
            OccurrenceStatus.Scheduled,
            Sequence: 0,
            Reason: null,
            ReceptionKind.Periodic);

        var placed = PlaceOnCalendar(schedule, occurrence, taken);

        // A staff cancellation applies after placement, so that cancelling one session never shifts another's day;
        // a moved session keeps its new date, so the feed can cancel the moved event as well.
        return cancelled.TryGetValue(original, out var staffReason) && placed.Status != OccurrenceStatus.Cancelled
            ? placed with { Status = OccurrenceStatus.Cancelled, Sequence = 1, Reason = staffReason }
            : placed;
    }

    private ReceptionOccurrence PlaceOnCalendar(ReceptionSchedule schedule, ReceptionOccurrence occurrence, HashSet<DateOnly> taken)
    {
        var original = occurrence.OriginalDate;
        var day = _calendar.Describe(original);
        if (day.IsWorkingDay)
        {
            return occurrence;
        }

        var why = DescribeDayOff(day);
        if (schedule.HolidayPolicy == HolidayPolicy.CancelWithNotice)
        {
            return occurrence with { Status = OccurrenceStatus.Cancelled, Sequence = 1, Reason = why };
        }

        for (var candidate = original.AddDays(1); candidate <= original.AddDays(MaxMoveDays); candidate = candidate.AddDays(1))
        {
            if (_calendar.Describe(candidate).IsWorkingDay && taken.Add(candidate))
            {
                return occurrence with { Date = candidate, Status = OccurrenceStatus.Moved, Sequence = 1, Reason = why };
            }
        }

        return occurrence with
        {
            Status = OccurrenceStatus.Cancelled,
            Sequence = 1,
            Reason = $"{why}; không có ngày làm việc trống trong {MaxMoveDays} ngày sau",
        };
    }

    private static string DescribeDayOff(DayInfo day) => day.Kind switch
    {
        DayKind.Weekend => "Ngày nghỉ cuối tuần",
        _ when !string.IsNullOrWhiteSpace(day.Name) => day.Name!,
        DayKind.CompensatoryDay => "Ngày nghỉ bù",
        _ => "Ngày nghỉ",
    };
}
