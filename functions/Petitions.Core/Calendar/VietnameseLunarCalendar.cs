using System.Collections.Concurrent;

namespace Petitions.Core.Calendar;

/// <summary>
/// The Vietnamese lunisolar calendar (âm lịch) computed astronomically for a meridian:
/// a month starts on the local day of the new moon (ngày Sóc); the month holding the winter
/// solstice is month 11; a solstice year (from one month 11 to the next) with 13 months has a
/// leap month, the first one after month 11 in which the sun enters no new 30° sign (no Trung khí).
/// Vietnam computes at UTC+7 (105° E) since 1967/1968; China at UTC+8, which is why
/// <see cref="System.Globalization.ChineseLunisolarCalendar"/> is wrong for Vietnam in some years.
/// Reference description: Hồ Ngọc Đức, "Thuật toán tính âm lịch"
/// (https://www.informatik.uni-leipzig.de/~duc/amlich/calrules_vn.html). Thread-safe.
/// </summary>
public sealed class VietnameseLunarCalendar
{
    /// <summary>First Gregorian year covered (the series are fitted for 1900–2100 and hold somewhat beyond).</summary>
    public const int MinYear = 1900;

    /// <summary>Last Gregorian year covered.</summary>
    public const int MaxYear = 2199;

    private readonly double _offsetDays;
    private readonly ConcurrentDictionary<int, SolsticeYear> _solsticeYears = new();

    /// <summary>Creates the calendar for the meridian whose civil time is UTC + <paramref name="utcOffset"/>.</summary>
    public VietnameseLunarCalendar(TimeSpan utcOffset)
    {
        if (utcOffset < TimeSpan.FromHours(-12) || utcOffset > TimeSpan.FromHours(14))
        {
            throw new ArgumentOutOfRangeException(nameof(utcOffset), utcOffset, "A civil time offset lies between −12 h and +14 h.");
        }

        UtcOffset = utcOffset;
        _offsetDays = utcOffset.TotalDays;
    }

    /// <summary>Vietnam's official lunar calendar: UTC+7 (Asia/Ho_Chi_Minh, no daylight saving).</summary>
    public static VietnameseLunarCalendar Vietnam { get; } = new(TimeSpan.FromHours(7));

    /// <summary>The civil time offset the calendar is computed for.</summary>
    public TimeSpan UtcOffset { get; }

    /// <summary>The lunar date of a Gregorian date.</summary>
    public LunarDate ToLunar(DateOnly date)
    {
        EnsureInRange(date.Year);
        var day = Astronomy.JulianDayNumber(date);
        var year = GetSolsticeYear(date.Year);
        if (day >= year.Months[^1].Start)
        {
            year = GetSolsticeYear(date.Year + 1);
        }

        var months = year.Months;
        for (var i = months.Count - 2; i >= 0; i--)
        {
            if (day >= months[i].Start)
            {
                var month = months[i];
                return new LunarDate(month.LunarYear, month.Number, day - month.Start + 1, month.IsLeap);
            }
        }

        throw new InvalidOperationException($"No lunar month holds {date:yyyy-MM-dd}; the solstice years are inconsistent.");
    }

    /// <summary>The Gregorian date of a lunar date.</summary>
    /// <exception cref="InvalidLunarDateException">The lunar date does not exist.</exception>
    public DateOnly ToSolar(LunarDate date)
    {
        if (date.Month is < 1 or > 12)
        {
            throw new InvalidLunarDateException(date, "a lunar month is numbered 1 to 12");
        }

        if (date.Day is < 1 or > 30)
        {
            throw new InvalidLunarDateException(date, "a lunar day is numbered 1 to 30");
        }

        var gregorianYear = date.Month >= 11 ? date.Year + 1 : date.Year;
        EnsureInRange(date.Year);
        EnsureInRange(gregorianYear);
        var months = GetSolsticeYear(gregorianYear).Months;
        for (var i = 0; i < months.Count - 1; i++)
        {
            var month = months[i];
            if (month.Number == date.Month && month.IsLeap == date.IsLeapMonth && month.LunarYear == date.Year)
            {
                var length = months[i + 1].Start - month.Start;
                if (date.Day > length)
                {
                    throw new InvalidLunarDateException(date, $"that month has {length} days");
                }

                return Astronomy.FromJulianDayNumber(month.Start + date.Day - 1);
            }
        }

        throw new InvalidLunarDateException(date, $"lunar year {date.Year} has no leap month {date.Month}");
    }

    /// <summary>Tết Nguyên Đán: the first day of the first month of lunar year <paramref name="year"/>.</summary>
    public DateOnly NewYear(int year) => ToSolar(new LunarDate(year, 1, 1));

    /// <summary>The leap month of lunar year <paramref name="year"/> (the month number it repeats), or null.</summary>
    public int? LeapMonth(int year)
    {
        EnsureInRange(year);
        foreach (var gregorianYear in new[] { year, year + 1 })
        {
            foreach (var month in GetSolsticeYear(gregorianYear).Months)
            {
                if (month.IsLeap && month.LunarYear == year)
                {
                    return month.Number;
                }
            }
        }

        return null;
    }

    private static void EnsureInRange(int year)
    {
        if (year is < MinYear or > MaxYear)
        {
            throw new CalendarDateOutOfRangeException(year);
        }
    }

    private SolsticeYear GetSolsticeYear(int gregorianYear) =>
        _solsticeYears.GetOrAdd(gregorianYear, static (y, calendar) => calendar.BuildSolsticeYear(y), this);

    // The months from month 11 of December (gregorianYear − 1) up to and including the start of month 11
    // of December gregorianYear (the last entry only bounds the one before it).
    private SolsticeYear BuildSolsticeYear(int gregorianYear)
    {
        var first = MonthElevenLunation(gregorianYear - 1);
        var last = MonthElevenLunation(gregorianYear);
        var count = last - first;
        var starts = new int[count + 1];
        for (var i = 0; i <= count; i++)
        {
            starts[i] = NewMoonDay(first + i);
        }

        var leapIndex = -1;
        if (count == 13)
        {
            for (var i = 1; i < count; i++)
            {
                if (MajorTermSector(starts[i]) == MajorTermSector(starts[i + 1]))
                {
                    leapIndex = i;
                    break;
                }
            }
        }

        var months = new List<LunarMonth>(count + 1);
        var number = 10;
        for (var i = 0; i <= count; i++)
        {
            var isLeap = i == leapIndex;
            if (!isLeap)
            {
                number = (number % 12) + 1;
            }

            var lunarYear = number >= 11 ? gregorianYear - 1 : gregorianYear;
            if (i == count)
            {
                lunarYear = gregorianYear;
            }

            months.Add(new LunarMonth(starts[i], number, isLeap, lunarYear));
        }

        return new SolsticeYear(months);
    }

    // The lunation whose month holds the December solstice of gregorianYear (tháng 11 âm lịch).
    private int MonthElevenLunation(int gregorianYear)
    {
        var solsticeDay = SolsticeDay(gregorianYear);
        var lunation = (int)Math.Floor((solsticeDay - Astronomy.FirstLunation) / Astronomy.SynodicMonth);
        while (NewMoonDay(lunation) > solsticeDay)
        {
            lunation--;
        }

        while (NewMoonDay(lunation + 1) <= solsticeDay)
        {
            lunation++;
        }

        return lunation;
    }

    // The local day during which the sun reaches longitude 270° (Đông chí).
    private int SolsticeDay(int gregorianYear)
    {
        var day = Astronomy.JulianDayNumber(new DateOnly(gregorianYear, 12, 15));
        while (MajorTermSector(day + 1) != 9)
        {
            day++;
        }

        return day;
    }

    // The local civil day (as a Julian day number) holding the instant of new moon.
    private int NewMoonDay(int lunation) => (int)Math.Floor(Astronomy.NewMoon(lunation) + 0.5 + _offsetDays);

    // Which 30° sign the sun is in at local midnight starting that day (0 = from the vernal equinox).
    // A month holds a major term (Trung khí) exactly when this changes between its first day and the next month's.
    private int MajorTermSector(int julianDayNumber) =>
        (int)Math.Floor(Astronomy.SunLongitude(julianDayNumber - 0.5 - _offsetDays) / 30.0);

    private sealed record LunarMonth(int Start, int Number, bool IsLeap, int LunarYear);

    private sealed record SolsticeYear(IReadOnlyList<LunarMonth> Months);
}
