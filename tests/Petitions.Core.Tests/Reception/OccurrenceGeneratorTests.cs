using Petitions.Core.Reception;
using static Petitions.Core.Tests.Reception.Schedules;

namespace Petitions.Core.Tests.Reception;

public sealed class OccurrenceGeneratorTests
{
    private readonly OccurrenceGenerator _generator = new(TestCalendar.Instance);

    [Fact]
    public void A_session_on_a_working_day_is_held_as_planned_with_sequence_zero()
    {
        var o = Assert.Single(_generator.Generate(For("qn-camtay", "FREQ=WEEKLY;BYDAY=TH"), D(2026, 5, 11), D(2026, 5, 17)));

        Assert.Equal(D(2026, 5, 14), o.Date);
        Assert.Equal(OccurrenceStatus.Scheduled, o.Status);
        Assert.Equal(0, o.Sequence);
        Assert.Equal("qn-camtay-chu-tich-20260514", o.Id);
        Assert.Equal(new DateTimeOffset(2026, 5, 14, 7, 30, 0, TimeSpan.FromHours(7)), o.StartsAt);
    }

    [Fact]
    public void A_session_on_the_compensatory_day_for_Gio_To_moves_to_the_next_working_day()
    {
        var o = Assert.Single(_generator.Generate(For("qn-camtay", "FREQ=WEEKLY;BYDAY=MO"), D(2026, 4, 27), D(2026, 4, 30)));

        Assert.Equal(D(2026, 4, 27), o.OriginalDate);
        Assert.Equal(D(2026, 4, 28), o.Date);
        Assert.Equal(OccurrenceStatus.Moved, o.Status);
        Assert.Equal(1, o.Sequence);
        Assert.Equal("Nghỉ bù Giỗ Tổ Hùng Vương", o.Reason);
        Assert.Equal("qn-camtay-chu-tich-20260427", o.Id);
    }

    [Fact]
    public void A_moved_session_skips_a_day_that_already_holds_a_session_of_the_same_schedule()
    {
        var sessions = _generator.Generate(For("qn-camtay", "FREQ=WEEKLY;BYDAY=MO,TU"), D(2026, 4, 27), D(2026, 4, 28));

        Assert.Equal([(D(2026, 4, 27), D(2026, 4, 29)), (D(2026, 4, 28), D(2026, 4, 28))], sessions.Select(o => (o.OriginalDate, o.Date)).OrderBy(x => x.OriginalDate));
        Assert.Equal(sessions.Count, sessions.Select(o => o.Date).Distinct().Count());
    }

    [Fact]
    public void A_session_on_30_April_moves_past_1_May_and_the_weekend_to_Monday_4_May()
    {
        var o = Assert.Single(_generator.Generate(For("qn-camtay", "FREQ=WEEKLY;BYDAY=TH"), D(2026, 4, 30), D(2026, 4, 30)));

        Assert.Equal(D(2026, 5, 4), o.Date);
        Assert.Equal("Ngày Chiến thắng", o.Reason);
    }

    [Fact]
    public void With_cancel_with_notice_a_session_on_a_holiday_is_cancelled_and_published_with_a_raised_sequence()
    {
        var schedule = For("qn-camtay", "FREQ=WEEKLY;BYDAY=TH", HolidayPolicy.CancelWithNotice);

        var o = Assert.Single(_generator.Generate(schedule, D(2026, 4, 27), D(2026, 5, 3)));

        Assert.Equal(OccurrenceStatus.Cancelled, o.Status);
        Assert.False(o.TakesPlace);
        Assert.Equal(D(2026, 4, 30), o.Date);
        Assert.Equal(1, o.Sequence);
        Assert.Equal("Ngày Chiến thắng", o.Reason);
    }

    [Fact]
    public void A_monthly_day_on_a_Sunday_moves_to_Monday()
    {
        var o = Assert.Single(_generator.Generate(For("qn", "FREQ=MONTHLY;BYMONTHDAY=15"), D(2026, 3, 1), D(2026, 3, 31)));

        Assert.Equal(D(2026, 3, 16), o.Date);
        Assert.Equal("Ngày nghỉ cuối tuần", o.Reason);
    }

    [Fact]
    public void Regenerating_over_another_range_gives_the_same_ids_and_dates()
    {
        var schedule = For("qn-camtay", "FREQ=WEEKLY;BYDAY=MO,TU,TH");

        var april = _generator.Generate(schedule, D(2026, 4, 1), D(2026, 4, 30));
        var around = _generator.Generate(schedule, D(2026, 4, 20), D(2026, 5, 10));

        var common = around.Where(o => o.OriginalDate <= D(2026, 4, 30)).ToList();
        Assert.NotEmpty(common);
        Assert.All(common, o => Assert.Contains(o, april));
    }

    [Fact]
    public void A_session_moved_from_before_the_range_into_it_is_listed()
    {
        var sessions = _generator.Generate(For("qn-camtay", "FREQ=WEEKLY;BYDAY=TH"), D(2026, 5, 4), D(2026, 5, 8));

        Assert.Equal([D(2026, 4, 30), D(2026, 5, 7)], sessions.Select(o => o.OriginalDate));
        Assert.Equal([D(2026, 5, 4), D(2026, 5, 7)], sessions.Select(o => o.Date));
    }

    [Fact]
    public void Staff_can_cancel_one_session_which_is_published_with_their_reason()
    {
        var schedule = For("qn-camtay", "FREQ=WEEKLY;BYDAY=TH");
        var cancel = new SessionCancellation(schedule.Id, D(2026, 5, 14), "Chủ tịch họp đột xuất với tỉnh");

        var sessions = _generator.Generate(schedule, D(2026, 5, 1), D(2026, 5, 31), [cancel]);

        var o = Assert.Single(sessions, s => s.Status == OccurrenceStatus.Cancelled);
        Assert.Equal(D(2026, 5, 14), o.Date);
        Assert.Equal("Chủ tịch họp đột xuất với tỉnh", o.Reason);
        Assert.Equal(1, o.Sequence);
    }

    [Fact]
    public void Cancelling_one_session_never_shifts_another_sessions_day()
    {
        // Thursday 30/4 and Friday 1/5/2026 are both off: their sessions move to Monday 4/5 and Tuesday 5/5.
        var schedule = For("qn-camtay", "FREQ=WEEKLY;BYDAY=TH,FR");
        var cancelThursday = new SessionCancellation(schedule.Id, D(2026, 4, 30), "Chủ tịch dự họp tại tỉnh");

        var plain = _generator.Generate(schedule, D(2026, 4, 30), D(2026, 5, 1));
        var withCancel = _generator.Generate(schedule, D(2026, 4, 30), D(2026, 5, 1), [cancelThursday]);

        Assert.Equal(D(2026, 5, 5), Assert.Single(plain, o => o.OriginalDate == D(2026, 5, 1)).Date);
        var friday = Assert.Single(withCancel, o => o.OriginalDate == D(2026, 5, 1));
        Assert.Equal(D(2026, 5, 5), friday.Date);
        Assert.Equal(OccurrenceStatus.Moved, friday.Status);
        Assert.Equal(OccurrenceStatus.Cancelled, Assert.Single(withCancel, o => o.OriginalDate == D(2026, 4, 30)).Status);
    }

    [Fact]
    public void A_moved_session_cancelled_by_staff_keeps_its_new_day_and_takes_the_staff_reason()
    {
        var schedule = For("qn-camtay", "FREQ=WEEKLY;BYDAY=TH");
        var cancel = new SessionCancellation(schedule.Id, D(2026, 4, 30), "Chủ tịch dự họp tại tỉnh");

        var o = Assert.Single(_generator.Generate(schedule, D(2026, 4, 30), D(2026, 4, 30), [cancel]));

        Assert.Equal(OccurrenceStatus.Cancelled, o.Status);
        Assert.Equal(D(2026, 5, 4), o.Date);
        Assert.Equal("Chủ tịch dự họp tại tỉnh", o.Reason);
    }

    [Fact]
    public void Unscheduled_reception_is_recorded_with_its_reason_and_a_stable_id()
    {
        var o = UnscheduledReception.Record("qn-quangha", "qn-quangha-head", "Nhà văn hóa thôn 3", D(2026, 6, 3), new TimeOnly(14, 0), new TimeOnly(16, 0), "Nhiều người cùng khiếu nại về một nội dung");

        Assert.Equal(ReceptionKind.Unscheduled, o.Kind);
        Assert.Equal("qn-quangha-dotxuat-20260603-1400", o.Id);
        Assert.Null(o.ScheduleId);
        Assert.Throws<ArgumentException>(() => UnscheduledReception.Record("qn-quangha", "qn-quangha-head", "x", D(2026, 6, 3), new TimeOnly(16, 0), new TimeOnly(14, 0), "x"));
    }
}
