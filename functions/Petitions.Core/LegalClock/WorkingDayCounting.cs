using Petitions.Core.Calendar;

namespace Petitions.Core.LegalClock;

/// <summary>Working-day arithmetic over any <see cref="IWorkingCalendar"/>, as the legal clock needs it.</summary>
public static class WorkingDayCounting
{
    /// <summary>Guard against a calendar without working days (bad data would otherwise loop forever).</summary>
    internal const int MaxScanDays = 3660;

    /// <summary>The date <paramref name="count"/> working days after <paramref name="from"/> (from itself not counted); count ≥ 0.</summary>
    public static DateOnly Forward(IWorkingCalendar calendar, DateOnly from, int count)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var date = from;
        var scanned = 0;
        while (count > 0)
        {
            date = date.AddDays(1);
            if (calendar.Describe(date).IsWorkingDay)
            {
                count--;
            }

            Guard(++scanned, from);
        }

        return date;
    }

    /// <summary>The date <paramref name="count"/> working days before <paramref name="from"/> (from itself not counted); count ≥ 0.</summary>
    public static DateOnly Back(IWorkingCalendar calendar, DateOnly from, int count)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var date = from;
        var scanned = 0;
        while (count > 0)
        {
            date = date.AddDays(-1);
            if (calendar.Describe(date).IsWorkingDay)
            {
                count--;
            }

            Guard(++scanned, from);
        }

        return date;
    }

    /// <summary>Working days in (<paramref name="after"/>, <paramref name="through"/>]; negative when through is before after.</summary>
    public static int Count(IWorkingCalendar calendar, DateOnly after, DateOnly through)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (through < after)
        {
            return -Count(calendar, through, after);
        }

        var count = 0;
        for (var date = after.AddDays(1); date <= through; date = date.AddDays(1))
        {
            if (calendar.Describe(date).IsWorkingDay)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>The first working day on or after <paramref name="date"/>.</summary>
    public static DateOnly OnOrAfter(IWorkingCalendar calendar, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var scanned = 0;
        while (!calendar.Describe(date).IsWorkingDay)
        {
            date = date.AddDays(1);
            Guard(++scanned, date);
        }

        return date;
    }

    internal static void Guard(int scanned, DateOnly from)
    {
        if (scanned > MaxScanDays)
        {
            throw new InvalidOperationException($"The calendar has no working day within {MaxScanDays} days of {from:yyyy-MM-dd}.");
        }
    }
}
