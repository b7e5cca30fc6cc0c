using FsCheck;
using FsCheck.Fluent;
using Petitions.Core.Calendar;

namespace Petitions.Core.Tests.Calendar;

public sealed class VietnamWorkingCalendarTests
{
    private static readonly VietnamWorkingCalendar Calendar = VietnamWorkingCalendar.Default;

    // The same rules with no official schedule: what the law alone gives.
    private static readonly VietnamWorkingCalendar RulesOnly =
        new(VietnamHolidayRules.Default, [], VietnameseLunarCalendar.Vietnam);

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    [Fact]
    public void Saturdays_and_Sundays_are_rest_days_and_other_weekdays_work()
    {
        Assert.Equal(DayKind.Weekend, Calendar.Describe(D(2026, 3, 7)).Kind);
        Assert.Equal(DayKind.Weekend, Calendar.Describe(D(2026, 3, 8)).Kind);
        var monday = Calendar.Describe(D(2026, 3, 9));
        Assert.True(monday.IsWorkingDay);
        Assert.Equal(DayKind.WorkingDay, monday.Kind);
    }

    [Fact]
    public void The_fixed_holidays_of_Article_112_are_days_off_with_their_source()
    {
        foreach (var (date, name) in new[] { (D(2027, 1, 1), "Tết Dương lịch"), (D(2027, 4, 30), "Ngày Chiến thắng"), (D(2027, 5, 3), "Nghỉ bù"), (D(2027, 9, 2), "Quốc khánh") })
        {
            var day = Calendar.Describe(date);
            Assert.False(day.IsWorkingDay);
            Assert.Contains(name, day.Name, StringComparison.Ordinal);
            Assert.Contains("Bộ luật Lao động 2019", day.Source, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Tet_by_rule_is_the_last_day_of_the_lunar_year_and_the_first_four_days_of_the_new_one()
    {
        // 2027: Tết Saturday 6 Feb. Rule days: Fri 5/2 (30 Chạp) … Tue 9/2 (mùng 4); Sat and Sun owe two days.
        Assert.Equal(DayKind.Holiday, Calendar.Describe(D(2027, 2, 5)).Kind);
        Assert.Equal(DayKind.Holiday, Calendar.Describe(D(2027, 2, 9)).Kind);
        Assert.Equal(DayKind.CompensatoryDay, Calendar.Describe(D(2027, 2, 10)).Kind);
        Assert.Equal(DayKind.CompensatoryDay, Calendar.Describe(D(2027, 2, 11)).Kind);
        Assert.True(Calendar.Describe(D(2027, 2, 4)).IsWorkingDay);
        Assert.True(Calendar.Describe(D(2027, 2, 12)).IsWorkingDay);
    }

    [Fact]
    public void Hung_Kings_day_on_Sunday_gives_a_compensatory_Monday()
    {
        // Giỗ Tổ 2026 = Sunday 26 April.
        Assert.Equal(DayKind.Holiday, Calendar.Describe(D(2026, 4, 26)).Kind);
        var monday = Calendar.Describe(D(2026, 4, 27));
        Assert.Equal(DayKind.CompensatoryDay, monday.Kind);
        Assert.Contains("Điều 111", monday.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void Holidays_on_a_weekend_are_compensated_on_the_next_working_days_after_the_block_Article_111()
    {
        // 2023: Giỗ Tổ Sat 29/4, 30/4 Sun, 1/5 Mon → off to Wed 3/5 (as the 2023 official schedule did).
        Assert.Equal(DayKind.Holiday, RulesOnly.Describe(D(2023, 4, 29)).Kind);
        Assert.Equal(DayKind.Holiday, RulesOnly.Describe(D(2023, 5, 1)).Kind);
        Assert.Equal(DayKind.CompensatoryDay, RulesOnly.Describe(D(2023, 5, 2)).Kind);
        Assert.Equal(DayKind.CompensatoryDay, RulesOnly.Describe(D(2023, 5, 3)).Kind);
        Assert.True(RulesOnly.Describe(D(2023, 5, 4)).IsWorkingDay);
    }

    [Fact]
    public void National_day_on_Saturday_gives_a_compensatory_Monday_and_the_adjacent_day_defaults_to_1_September()
    {
        // 2023: 2/9 Saturday → Fri 1/9 and compensation Mon 4/9 (the 2023 schedule: off 1/9–4/9).
        Assert.Equal(DayKind.Holiday, RulesOnly.Describe(D(2023, 9, 1)).Kind);
        Assert.Equal(DayKind.Holiday, RulesOnly.Describe(D(2023, 9, 2)).Kind);
        Assert.Equal(DayKind.CompensatoryDay, RulesOnly.Describe(D(2023, 9, 4)).Kind);
        Assert.True(RulesOnly.Describe(D(2023, 9, 5)).IsWorkingDay);
    }

    [Fact]
    public void Official_schedule_2026_gives_Tet_off_from_14_to_22_February()
    {
        for (var date = D(2026, 2, 14); date <= D(2026, 2, 22); date = date.AddDays(1))
        {
            Assert.False(Calendar.Describe(date).IsWorkingDay, $"{date:yyyy-MM-dd} should be off");
        }

        var monday = Calendar.Describe(D(2026, 2, 16));
        Assert.Equal(DayKind.Holiday, monday.Kind);
        Assert.Contains("9441/TB-BNV", monday.Source, StringComparison.Ordinal);
        Assert.True(Calendar.Describe(D(2026, 2, 13)).IsWorkingDay);
        Assert.True(Calendar.Describe(D(2026, 2, 23)).IsWorkingDay);
    }

    [Fact]
    public void Official_swap_makes_a_Saturday_a_working_day_and_a_weekday_a_day_off()
    {
        // 2026: Friday 2/1 off, worked back on Saturday 10/1 (Công văn 12729/VPCP-KGVX).
        Assert.Equal(DayKind.OfficialDayOff, Calendar.Describe(D(2026, 1, 2)).Kind);
        var saturday = Calendar.Describe(D(2026, 1, 10));
        Assert.True(saturday.IsWorkingDay);
        Assert.Equal(DayKind.MakeUpWorkingDay, saturday.Kind);

        // 2025: Friday 2/5 off, Saturday 26/4 worked.
        Assert.Equal(DayKind.OfficialDayOff, Calendar.Describe(D(2025, 5, 2)).Kind);
        Assert.True(Calendar.Describe(D(2025, 4, 26)).IsWorkingDay);
    }

    [Fact]
    public void National_day_2026_swaps_Monday_31_August_for_Saturday_22_August()
    {
        // Thông báo 9441/TB-BNV (2025-10-16): off Sat 29/8–Wed 2/9/2026; Mon 31/8 swapped, worked back on Sat 22/8.
        for (var date = D(2026, 8, 29); date <= D(2026, 9, 2); date = date.AddDays(1))
        {
            Assert.False(Calendar.Describe(date).IsWorkingDay, $"{date:yyyy-MM-dd} should be off");
        }

        var monday = Calendar.Describe(D(2026, 8, 31));
        Assert.Equal(DayKind.OfficialDayOff, monday.Kind);
        Assert.Contains("9441/TB-BNV", monday.Source, StringComparison.Ordinal);
        Assert.Equal(DayKind.Holiday, Calendar.Describe(D(2026, 9, 1)).Kind);
        Assert.Equal(DayKind.MakeUpWorkingDay, Calendar.Describe(D(2026, 8, 22)).Kind);
        Assert.True(Calendar.Describe(D(2026, 8, 28)).IsWorkingDay);
        Assert.True(Calendar.Describe(D(2026, 9, 3)).IsWorkingDay);

        // The rules alone would have had Monday 31/8 as a working day and Saturday 22/8 as a rest day.
        Assert.True(RulesOnly.Describe(D(2026, 8, 31)).IsWorkingDay);
        Assert.False(RulesOnly.Describe(D(2026, 8, 22)).IsWorkingDay);
    }

    [Fact]
    public void Official_schedule_overrides_the_rule_days_of_the_holidays_it_covers()
    {
        // 2025 Tết by rule would be 28/1–1/2 plus compensation Mon 3/2; the Prime Minister chose 27/1–31/1.
        Assert.Equal(DayKind.Holiday, RulesOnly.Describe(D(2025, 2, 1)).Kind);
        Assert.Equal(DayKind.CompensatoryDay, RulesOnly.Describe(D(2025, 2, 3)).Kind);
        Assert.Equal(DayKind.Holiday, Calendar.Describe(D(2025, 1, 27)).Kind);
        Assert.Equal(DayKind.Weekend, Calendar.Describe(D(2025, 2, 1)).Kind);
        Assert.True(Calendar.Describe(D(2025, 2, 3)).IsWorkingDay);

        // 2024 Quốc khánh: the adjacent day was 3 Sep, not the rule's 1 Sep (a Sunday anyway).
        Assert.Equal(DayKind.Holiday, Calendar.Describe(D(2024, 9, 3)).Kind);
        Assert.True(Calendar.Describe(D(2024, 9, 4)).IsWorkingDay);

        // Holidays a schedule does not cover still follow the rules: Giỗ Tổ 2025, Monday 7 April.
        Assert.Equal(DayKind.Holiday, Calendar.Describe(D(2025, 4, 7)).Kind);
    }

    [Fact]
    public void Every_day_of_every_announced_official_break_is_a_rest_day()
    {
        foreach (var schedule in OfficialYearSchedule.Embedded)
        {
            foreach (var period in schedule.Periods)
            {
                for (var date = period.From; date <= period.To; date = date.AddDays(1))
                {
                    Assert.False(Calendar.Describe(date).IsWorkingDay, $"{date:yyyy-MM-dd} of the {schedule.Year} schedule");
                }
            }
        }

        Assert.Equal([2024, 2025, 2026], Calendar.OfficialYears.Order());
    }

    [Fact]
    public void Working_day_helpers_count_from_the_day_after()
    {
        // Friday 13 Feb 2026, Tết break 14–22 Feb: the first working day after is Monday 23 Feb.
        Assert.Equal(D(2026, 2, 23), Calendar.AddWorkingDays(D(2026, 2, 13), 1));
        Assert.Equal(D(2026, 2, 27), Calendar.AddWorkingDays(D(2026, 2, 13), 5));
        Assert.Equal(5, Calendar.CountWorkingDays(D(2026, 2, 13), D(2026, 2, 27)));
        Assert.Equal(D(2026, 2, 23), Calendar.NextWorkingDay(D(2026, 2, 14)));
        Assert.Equal(D(2026, 2, 13), Calendar.NextWorkingDay(D(2026, 2, 13)));
        Assert.Equal(D(2026, 2, 13), Calendar.AddWorkingDays(D(2026, 2, 23), -1));
        Assert.Equal(9, Calendar.RestDaysBetween(D(2026, 2, 13), D(2026, 2, 23)).Count);
    }

    [Fact]
    public void A_date_outside_the_supported_years_is_a_typed_error()
    {
        Assert.Throws<CalendarDateOutOfRangeException>(() => Calendar.Describe(D(1899, 12, 31)));
    }

    [Fact]
    public void Bad_schedule_data_is_rejected_with_a_typed_error()
    {
        const string json = """{ "year": 2027, "sources": [], "periods": [] }""";
        Assert.Throws<CalendarDataException>(() => OfficialYearSchedule.Parse(json));
    }

    [Fact]
    public void Adding_n_working_days_lands_on_a_working_day_and_counting_back_gives_n()
    {
        var start = D(1990, 1, 1).DayNumber;
        var end = D(2100, 12, 31).DayNumber;
        Prop.ForAll(
                Gen.Choose(start, end).ToArbitrary(),
                Gen.Choose(1, 120).ToArbitrary(),
                (dayNumber, n) =>
                {
                    var from = DateOnly.FromDayNumber(dayNumber);
                    var due = Calendar.AddWorkingDays(from, n);
                    return Calendar.Describe(due).IsWorkingDay && Calendar.CountWorkingDays(from, due) == n && due > from;
                })
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void The_next_working_day_is_a_working_day_on_or_after_the_date_with_only_rest_days_between()
    {
        var start = D(1990, 1, 1).DayNumber;
        var end = D(2100, 12, 31).DayNumber;
        Prop.ForAll(
                Gen.Choose(start, end).ToArbitrary(),
                dayNumber =>
                {
                    var date = DateOnly.FromDayNumber(dayNumber);
                    var next = Calendar.NextWorkingDay(date);
                    return next >= date && Calendar.Describe(next).IsWorkingDay && Calendar.CountWorkingDays(date.AddDays(-1), next.AddDays(-1)) == 0;
                })
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Concurrent_first_use_of_a_year_gives_one_consistent_answer()
    {
        var calendar = new VietnamWorkingCalendar(VietnamHolidayRules.Default, OfficialYearSchedule.Embedded, VietnameseLunarCalendar.Vietnam);
        var results = new DayInfo[64];
        Parallel.For(0, results.Length, i => results[i] = calendar.Describe(D(2026, 2, 16)));
        Assert.All(results, r => Assert.Equal(DayKind.Holiday, r.Kind));
    }
}
