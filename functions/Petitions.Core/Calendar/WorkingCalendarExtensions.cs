namespace Petitions.Core.Calendar;

/// <summary>Working-day arithmetic on any <see cref="IWorkingCalendar"/>.</summary>
public static class WorkingCalendarExtensions
{
    /// <summary>True when state agencies work on <paramref name="date"/>.</summary>
    public static bool IsWorkingDay(this IWorkingCalendar calendar, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.Describe(date).IsWorkingDay;
    }

    /// <summary>The first working day on or after <paramref name="date"/>.</summary>
    public static DateOnly NextWorkingDay(this IWorkingCalendar calendar, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        while (!calendar.Describe(date).IsWorkingDay)
        {
            date = date.AddDays(1);
        }

        return date;
    }

    /// <summary>
    /// The <paramref name="workingDays"/>-th working day after <paramref name="date"/>: counting starts the
    /// day after (a 5-working-day limit from a Friday event ends on the following Friday if no holiday
    /// intervenes). 0 returns <paramref name="date"/> itself. A negative count goes back: the
    /// |n|-th working day before <paramref name="date"/> (for lead times such as T−3).
    /// </summary>
    public static DateOnly AddWorkingDays(this IWorkingCalendar calendar, DateOnly date, int workingDays)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var step = Math.Sign(workingDays);
        var remaining = Math.Abs(workingDays);
        while (remaining > 0)
        {
            date = date.AddDays(step);
            if (calendar.Describe(date).IsWorkingDay)
            {
                remaining--;
            }
        }

        return date;
    }

    /// <summary>
    /// The number of working days d with <paramref name="from"/> &lt; d ≤ <paramref name="to"/> (counting
    /// starts the day after <paramref name="from"/>); 0 when <paramref name="to"/> is not after it.
    /// Consistent with <see cref="AddWorkingDays"/>: Count(d, AddWorkingDays(d, n)) == n for n ≥ 0.
    /// </summary>
    public static int CountWorkingDays(this IWorkingCalendar calendar, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var count = 0;
        for (var date = from.AddDays(1); date <= to; date = date.AddDays(1))
        {
            if (calendar.Describe(date).IsWorkingDay)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Every day after <paramref name="from"/> up to <paramref name="to"/> that is not a working day, with why.</summary>
    public static IReadOnlyList<DayInfo> RestDaysBetween(this IWorkingCalendar calendar, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var days = new List<DayInfo>();
        for (var date = from.AddDays(1); date <= to; date = date.AddDays(1))
        {
            var info = calendar.Describe(date);
            if (!info.IsWorkingDay)
            {
                days.Add(info);
            }
        }

        return days;
    }
}
