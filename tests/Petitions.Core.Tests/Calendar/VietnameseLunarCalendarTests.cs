using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Petitions.Core.Calendar;

namespace Petitions.Core.Tests.Calendar;

public sealed class VietnameseLunarCalendarTests
{
    private static readonly VietnameseLunarCalendar Vietnam = VietnameseLunarCalendar.Vietnam;

    /// <summary>
    /// Tết Nguyên Đán (mùng 1 tháng Giêng) as published for Vietnam, 1970–2036. Sources, all found with the
    /// search tool: the governments' yearly Tết schedules (2014, 2020, 2023–2026, see docs/calendar.md);
    /// the Vietnam holiday tests of python-holidays (vacanza/holidays tests/countries/test_vietnam.py, 2008–2022);
    /// a public lunar-new-year table with its Vietnamese overrides for 1968, 1985, 2007 and 2030; Hồ Ngọc Đức's
    /// calendar notes (1985, 2007) and "Why is the Vietnamese and Chinese New Year a day different?"
    /// (scienceinfo.net: Vietnam earlier than China in 2030). 1969 is left out: the table gives the Chinese
    /// date (1969-02-17) with no Vietnamese override, and we compute 1969-02-16 at UTC+7 — unverified either way.
    /// </summary>
    public static TheoryData<int, string> PublishedTet => new()
    {
        { 1970, "1970-02-06" }, { 1971, "1971-01-27" }, { 1972, "1972-02-15" },
        { 1973, "1973-02-03" }, { 1974, "1974-01-23" }, { 1975, "1975-02-11" }, { 1976, "1976-01-31" },
        { 1977, "1977-02-18" }, { 1978, "1978-02-07" }, { 1979, "1979-01-28" }, { 1980, "1980-02-16" },
        { 1981, "1981-02-05" }, { 1982, "1982-01-25" }, { 1983, "1983-02-13" }, { 1984, "1984-02-02" },
        { 1985, "1985-01-21" }, { 1986, "1986-02-09" }, { 1987, "1987-01-29" }, { 1988, "1988-02-17" },
        { 1989, "1989-02-06" }, { 1990, "1990-01-27" }, { 1991, "1991-02-15" }, { 1992, "1992-02-04" },
        { 1993, "1993-01-23" }, { 1994, "1994-02-10" }, { 1995, "1995-01-31" }, { 1996, "1996-02-19" },
        { 1997, "1997-02-07" }, { 1998, "1998-01-28" }, { 1999, "1999-02-16" }, { 2000, "2000-02-05" },
        { 2001, "2001-01-24" }, { 2002, "2002-02-12" }, { 2003, "2003-02-01" }, { 2004, "2004-01-22" },
        { 2005, "2005-02-09" }, { 2006, "2006-01-29" }, { 2007, "2007-02-17" }, { 2008, "2008-02-07" },
        { 2009, "2009-01-26" }, { 2010, "2010-02-14" }, { 2011, "2011-02-03" }, { 2012, "2012-01-23" },
        { 2013, "2013-02-10" }, { 2014, "2014-01-31" }, { 2015, "2015-02-19" }, { 2016, "2016-02-08" },
        { 2017, "2017-01-28" }, { 2018, "2018-02-16" }, { 2019, "2019-02-05" }, { 2020, "2020-01-25" },
        { 2021, "2021-02-12" }, { 2022, "2022-02-01" }, { 2023, "2023-01-22" }, { 2024, "2024-02-10" },
        { 2025, "2025-01-29" }, { 2026, "2026-02-17" }, { 2027, "2027-02-06" }, { 2028, "2028-01-26" },
        { 2029, "2029-02-13" }, { 2030, "2030-02-02" }, { 2031, "2031-01-23" }, { 2032, "2032-02-11" },
        { 2033, "2033-01-31" }, { 2034, "2034-02-19" }, { 2035, "2035-02-08" }, { 2036, "2036-01-28" },
    };

    /// <summary>
    /// Giỗ Tổ Hùng Vương (10 tháng 3 âm lịch) as published: official schedules and press for 2020–2026
    /// (2020-04-02, 2021-04-21, 2022-04-10 also in python-holidays' Vietnam tests; 2023-04-29 Saturday;
    /// 2024-04-18; 2025-04-07 Monday, hocluat.com.vn; 2026-04-26 per design.md).
    /// </summary>
    public static TheoryData<string> PublishedHungKingsDays => new()
    {
        "2020-04-02", "2021-04-21", "2022-04-10", "2023-04-29", "2024-04-18", "2025-04-07", "2026-04-26",
    };

    [Theory]
    [MemberData(nameof(PublishedTet))]
    public void Tet_is_the_first_day_of_the_first_lunar_month_at_UTC_plus_7(int year, string published)
    {
        var tet = DateOnly.ParseExact(published, "yyyy-MM-dd", CultureInfo.InvariantCulture);

        Assert.Equal(tet, Vietnam.NewYear(year));
        Assert.Equal(new LunarDate(year, 1, 1), Vietnam.ToLunar(tet));
        Assert.Equal(12, Vietnam.ToLunar(tet.AddDays(-1)).Month);
    }

    [Theory]
    [MemberData(nameof(PublishedHungKingsDays))]
    public void Hung_Kings_commemoration_is_the_tenth_day_of_the_third_lunar_month(string published)
    {
        var day = DateOnly.ParseExact(published, "yyyy-MM-dd", CultureInfo.InvariantCulture);

        Assert.Equal(new LunarDate(day.Year, 3, 10), Vietnam.ToLunar(day));
        Assert.Equal(day, Vietnam.ToSolar(new LunarDate(day.Year, 3, 10)));
    }

    [Fact]
    public void Sanity_values_of_the_design_hold()
    {
        Assert.Equal(new DateOnly(2025, 1, 29), Vietnam.NewYear(2025));
        Assert.Equal(new DateOnly(2026, 2, 17), Vietnam.NewYear(2026));
        Assert.Equal(new DateOnly(2027, 2, 6), Vietnam.NewYear(2027));
        Assert.Equal(new DateOnly(2026, 4, 26), Vietnam.ToSolar(new LunarDate(2026, 3, 10)));
    }

    [Theory]
    [InlineData(1985, "1985-01-21", "1985-02-20")]
    [InlineData(2007, "2007-02-17", "2007-02-18")]
    [InlineData(2030, "2030-02-02", "2030-02-03")]
    public void Vietnamese_Tet_differs_from_Chinese_New_Year_because_Vietnam_computes_at_UTC_plus_7(int year, string vietnamese, string chinese)
    {
        var vietnameseTet = DateOnly.ParseExact(vietnamese, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var chineseNewYear = DateOnly.ParseExact(chinese, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var beijing = new VietnameseLunarCalendar(TimeSpan.FromHours(8));
        var dotnet = new ChineseLunisolarCalendar();

        Assert.Equal(vietnameseTet, Vietnam.NewYear(year));
        Assert.Equal(chineseNewYear, beijing.NewYear(year));
        Assert.Equal(chineseNewYear, DateOnly.FromDateTime(dotnet.ToDateTime(year, 1, 1, 0, 0, 0, 0)));
    }

    [Fact]
    public void The_1968_Tet_fell_a_day_apart_in_North_Vietnam_at_UTC_plus_7_and_South_Vietnam_at_UTC_plus_8()
    {
        Assert.Equal(new DateOnly(1968, 1, 29), Vietnam.NewYear(1968));
        Assert.Equal(new DateOnly(1968, 1, 30), new VietnameseLunarCalendar(TimeSpan.FromHours(8)).NewYear(1968));
    }

    [Fact]
    public void At_UTC_plus_8_the_computed_new_years_match_dotnet_ChineseLunisolarCalendar()
    {
        var beijing = new VietnameseLunarCalendar(TimeSpan.FromHours(8));
        var dotnet = new ChineseLunisolarCalendar();
        for (var year = 1950; year <= 2090; year++)
        {
            Assert.Equal(DateOnly.FromDateTime(dotnet.ToDateTime(year, 1, 1, 0, 0, 0, 0)), beijing.NewYear(year));
        }
    }

    [Fact]
    public void A_leap_month_repeats_its_number_and_Tet_follows_thirteen_months_later()
    {
        // Năm Quý Mão 2023 had tháng 2 nhuận (from 2023-03-22); Ất Tỵ 2025 had tháng 6 nhuận (from 2025-07-25).
        Assert.Equal(2, Vietnam.LeapMonth(2023));
        Assert.Equal(new LunarDate(2023, 2, 1, IsLeapMonth: true), Vietnam.ToLunar(new DateOnly(2023, 3, 22)));
        Assert.Equal(6, Vietnam.LeapMonth(2025));
        Assert.Equal(new LunarDate(2025, 6, 1, IsLeapMonth: true), Vietnam.ToLunar(new DateOnly(2025, 7, 25)));
        Assert.Null(Vietnam.LeapMonth(2026));
    }

    [Fact]
    public void A_lunar_date_that_does_not_exist_is_a_typed_error()
    {
        Assert.Throws<InvalidLunarDateException>(() => Vietnam.ToSolar(new LunarDate(2026, 3, 1, IsLeapMonth: true)));
        Assert.Throws<InvalidLunarDateException>(() => Vietnam.ToSolar(new LunarDate(2026, 13, 1)));
        Assert.Throws<CalendarDateOutOfRangeException>(() => Vietnam.ToLunar(new DateOnly(1800, 1, 1)));
    }

    [Fact]
    public void Solar_to_lunar_to_solar_is_the_identity()
    {
        var start = new DateOnly(1901, 1, 1).DayNumber;
        var end = new DateOnly(2150, 12, 31).DayNumber;
        Prop.ForAll(
                Gen.Choose(start, end).ToArbitrary(),
                dayNumber =>
                {
                    var date = DateOnly.FromDayNumber(dayNumber);
                    return Vietnam.ToSolar(Vietnam.ToLunar(date)) == date;
                })
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Lunar_to_solar_to_lunar_is_the_identity_for_every_existing_day()
    {
        Prop.ForAll(
                Gen.Choose(1901, 2150).ToArbitrary(),
                Gen.Choose(1, 12).ToArbitrary(),
                Gen.Choose(1, 29).ToArbitrary(),
                (year, month, day) =>
                {
                    var lunar = new LunarDate(year, month, day);
                    return Vietnam.ToLunar(Vietnam.ToSolar(lunar)) == lunar;
                })
            .QuickCheckThrowOnFailure();
    }
}
