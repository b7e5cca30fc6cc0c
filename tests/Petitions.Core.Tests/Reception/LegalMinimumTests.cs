using Petitions.Core.Organisation;
using Petitions.Core.Reception;
using static Petitions.Core.Tests.Reception.Schedules;

namespace Petitions.Core.Tests.Reception;

public sealed class LegalMinimumTests
{
    private static readonly OrganisationChart Demo = OrganisationLoader.LoadDemo();

    private readonly ReceptionMinimumChecker _checker = new(new OccurrenceGenerator(TestCalendar.Instance), LegalMinimums.All);

    private IReadOnlyList<MinimumShortfall> Check(string unitId, ReceptionSchedule? schedule, int year, int month) =>
        _checker.CheckMonth(Demo.GetUnit(unitId), unitId + "-head", schedule is null ? [] : [schedule], year, month);

    [Fact]
    public void Every_shipped_minimum_cites_its_source_and_the_commune_rules_meet_on_2026_07_01()
    {
        Assert.All(LegalMinimums.All, r => Assert.Contains("Luật Tiếp công dân", r.Source, StringComparison.Ordinal));
        var weekly = Assert.Single(LegalMinimums.All, r => r.Id == "commune-chairman-weekly-2013");
        var monthly = Assert.Single(LegalMinimums.All, r => r.Id == "commune-chairman-monthly-2026");
        Assert.Equal(D(2026, 6, 30), weekly.Until);
        Assert.Equal(D(2026, 7, 1), monthly.From);
        Assert.Equal((1, MinimumPeriod.Week), (weekly.Days, weekly.Per));
        Assert.Equal((2, MinimumPeriod.Month), (monthly.Days, monthly.Per));
        Assert.Contains("136/2025/QH15", monthly.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void Commune_chairman_weekly_meets_the_minimum_before_and_after_2026_07_01()
    {
        var weekly = For("qn-quangha", "FREQ=WEEKLY;BYDAY=TH");

        Assert.Empty(Check("qn-quangha", weekly, 2026, 6));
        Assert.Empty(Check("qn-quangha", weekly, 2026, 7));
    }

    [Fact]
    public void Commune_chairman_twice_a_month_is_short_until_2026_06_30_and_enough_from_2026_07_01()
    {
        var twice = For("qn-quangha", "FREQ=MONTHLY;BYDAY=2TU,4TU");

        var june = Check("qn-quangha", twice, 2026, 6);
        var july = Check("qn-quangha", twice, 2026, 7);

        // June 2026: weeks from 1, 8, 15, 22, 29 June; the sessions are on 9 and 23 June.
        Assert.Equal([D(2026, 6, 1), D(2026, 6, 15), D(2026, 6, 29)], june.Select(f => f.PeriodStart));
        Assert.All(june, f => Assert.Equal("commune-chairman-weekly-2013", f.Rule.Id));
        Assert.All(june, f => Assert.Equal((1, 0), (f.RequiredDays, f.ScheduledDays)));
        Assert.Empty(july);
    }

    [Fact]
    public void Ward_chairman_once_a_month_is_flagged_from_2026_07_01()
    {
        var once = For("qn-camtay", "FREQ=MONTHLY;BYMONTHDAY=15");

        var f = Assert.Single(Check("qn-camtay", once, 2026, 7));

        Assert.Equal((2, 1), (f.RequiredDays, f.ScheduledDays));
        Assert.Equal((D(2026, 7, 1), D(2026, 7, 31)), (f.PeriodStart, f.PeriodEnd));
        Assert.Contains("136/2025/QH15", f.Rule.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void Special_zone_chairman_without_a_schedule_is_flagged_in_every_week_and_then_every_month()
    {
        Assert.Equal(5, Check("qn-coto", null, 2026, 6).Count);
        Assert.Equal(0, Assert.Single(Check("qn-coto", null, 2026, 7)).ScheduledDays);
    }

    [Fact]
    public void Commune_week_with_its_only_session_cancelled_for_a_holiday_is_flagged()
    {
        var cancelOnHoliday = For("qn-quangha", "FREQ=WEEKLY;BYDAY=TH", HolidayPolicy.CancelWithNotice);

        var f = Assert.Single(Check("qn-quangha", cancelOnHoliday, 2026, 4));

        Assert.Equal(D(2026, 4, 27), f.PeriodStart);
        Assert.Equal(0, f.ScheduledDays);
    }

    [Fact]
    public void Provincial_chairman_once_a_month_meets_the_minimum_before_and_after_2026_07_01()
    {
        var monthly = For("qn", "FREQ=MONTHLY;BYDAY=3WE");

        Assert.Empty(Check("qn", monthly, 2026, 6));
        Assert.Empty(Check("qn", monthly, 2026, 7));
        Assert.Equal("province-chairman-monthly", Assert.Single(Check("qn", null, 2026, 7)).Rule.Id);
    }

    [Fact]
    public void Department_head_once_a_month_meets_the_minimum_before_and_after_2026_07_01()
    {
        var monthly = For("qn-sxd", "FREQ=MONTHLY;BYMONTHDAY=20");

        Assert.Empty(Check("qn-sxd", monthly, 2026, 6));
        Assert.Empty(Check("qn-sxd", monthly, 2026, 7));
        Assert.Equal("department-head-monthly", Assert.Single(Check("qn-sxd", null, 2026, 6)).Rule.Id);
    }

    [Fact]
    public void Department_session_on_the_last_Thursday_of_April_2026_moves_into_May_so_April_is_flagged()
    {
        var lastThursday = For("qn-snnmt", "FREQ=MONTHLY;BYDAY=-1TH");

        var april = Assert.Single(Check("qn-snnmt", lastThursday, 2026, 4));

        Assert.Equal(0, april.ScheduledDays);
        Assert.Empty(Check("qn-snnmt", lastThursday, 2026, 5));
    }

    [Fact]
    public void Sessions_of_someone_other_than_the_head_do_not_count()
    {
        var deputys = For("qn-sxd", "FREQ=WEEKLY;BYDAY=TH") with { HeadStaffId = "qn-sxd-deputy" };

        Assert.Single(Check("qn-sxd", deputys, 2026, 7));
    }

    [Fact]
    public void Inconsistent_minimum_data_is_refused()
    {
        const string json = """{"minimums":[{"id":"x","levels":[],"days":0,"per":"week","from":"2026-07-01","until":"2026-01-01","source":""}]}""";

        Assert.Throws<InvalidDataException>(() => LegalMinimums.Parse(json));
    }
}
