using Petitions.Core.LegalClock;
using static Petitions.Core.Tests.LegalClock.LegalClockFixture;

namespace Petitions.Core.Tests.LegalClock;

/// <summary>Examples from the law, each citing its article, on the test calendar.</summary>
public sealed class LegalLimitExamplesTests
{
    // Monday 2 March 2026: no holiday within the next weeks except 30 Apr / 1 May.
    private static readonly DateOnly Monday = new(2026, 3, 2);

    private static Deadline Compute(string kind, string step, DateOnly trigger, bool complex = false, bool remote = false, int extensions = 0, LegalClockSettings? settings = null) =>
        Calculator(settings).Compute(new DeadlineRequest(kind, step, trigger, complex, remote, extensions));

    [Fact] // Luật Khiếu nại 2011, Điều 27
    public void Complaint_acceptance_is_10_days_from_receipt()
    {
        var deadline = Compute("complaint", "accept", Monday);
        Assert.Equal(new DateOnly(2026, 3, 12), deadline.Due);
        Assert.Equal(10, deadline.Limit);
        Assert.Equal(ClockUnit.CalendarDays, deadline.Unit);
        Assert.Equal("Luật Khiếu nại 2011, Điều 27", deadline.Source);
    }

    [Fact] // Luật Khiếu nại 2011, Điều 28
    public void Complaint_resolution_is_30_days_from_acceptance() =>
        Assert.Equal(new DateOnly(2026, 4, 1), Compute("complaint", "resolve", Monday).Due);

    [Fact] // Luật Khiếu nại 2011, Điều 28
    public void Complex_complaint_resolution_is_45_days() =>
        Assert.Equal((45, new DateOnly(2026, 4, 16)), (Compute("complaint", "resolve", Monday, complex: true).Limit, Compute("complaint", "resolve", Monday, complex: true).Due));

    [Fact] // Luật Khiếu nại 2011, Điều 28
    public void Complaint_resolution_in_remote_area_is_45_days()
    {
        var deadline = Compute("complaint", "resolve", Monday, remote: true);
        Assert.Equal(45, deadline.Limit);
        Assert.Equal(new DateOnly(2026, 4, 16), deadline.Due);
    }

    [Fact] // Luật Khiếu nại 2011, Điều 28; day 60 is 1 May (holiday) → next working day (BLDS 2015, Điều 148)
    public void Complex_complaint_in_remote_area_is_60_days_and_moves_past_the_May_holiday()
    {
        var deadline = Compute("complaint", "resolve", Monday, complex: true, remote: true);
        Assert.Equal(60, deadline.Limit);
        Assert.Equal(new DateOnly(2026, 5, 1), deadline.Explanation.LastCountedDay);
        Assert.Equal(new DateOnly(2026, 5, 4), deadline.Due);
        Assert.Equal(
            [(new DateOnly(2026, 5, 1), SkipReason.Holiday), (new DateOnly(2026, 5, 2), SkipReason.Weekend), (new DateOnly(2026, 5, 3), SkipReason.Weekend)],
            deadline.Explanation.SkippedDays.Where(d => d.RollForward).Select(d => (d.Date, d.Reason)));
    }

    [Fact] // Luật Khiếu nại 2011, Điều 37
    public void Second_instance_resolution_is_45_days() =>
        Assert.Equal(new DateOnly(2026, 4, 16), Compute("complaint", "resolve-second", Monday).Due);

    [Fact] // Luật Khiếu nại 2011, Điều 37
    public void Complex_second_instance_is_60_days() =>
        Assert.Equal(60, Compute("complaint", "resolve-second", Monday, complex: true).Limit);

    [Fact] // Luật Khiếu nại 2011, Điều 37
    public void Complex_second_instance_in_remote_area_is_70_days()
    {
        var deadline = Compute("complaint", "resolve-second", Monday, complex: true, remote: true);
        Assert.Equal(70, deadline.Limit);
        Assert.Equal(new DateOnly(2026, 5, 11), deadline.Due);
    }

    [Fact] // Luật Khiếu nại 2011, Điều 33 and Điều 7
    public void Second_complaint_may_be_lodged_within_45_days_in_a_remote_area() =>
        Assert.Equal(45, Compute("complaint", "lodge-second", Monday, remote: true).Limit);

    [Fact] // Luật Tố cáo 2018, Điều 24
    public void Preliminary_handling_is_7_working_days()
    {
        var deadline = Compute("denunciation", "preliminary", Monday);
        Assert.Equal(ClockUnit.WorkingDays, deadline.Unit);
        Assert.Equal(new DateOnly(2026, 3, 11), deadline.Due);
    }

    [Fact] // Luật Tố cáo 2018, Điều 24
    public void Preliminary_handling_verified_at_several_places_is_10_working_days() =>
        Assert.Equal(new DateOnly(2026, 3, 16), Compute("denunciation", "preliminary", Monday, complex: true).Due);

    [Fact] // Luật Tố cáo 2018, Điều 24; Tết 2026 off 16–20 Feb plus the weekends around it
    public void Preliminary_handling_skips_Tet_and_names_every_day_skipped()
    {
        var deadline = Compute("denunciation", "preliminary", new DateOnly(2026, 2, 11));
        Assert.Equal(new DateOnly(2026, 2, 27), deadline.Due);
        var tet = deadline.Explanation.SkippedDays.Where(d => d.Reason == SkipReason.Holiday).ToList();
        Assert.Equal(5, tet.Count);
        Assert.All(tet, d => Assert.Equal("Tết Nguyên Đán", d.Name));
        Assert.Equal(4, deadline.Explanation.SkippedDays.Count(d => d.Reason == SkipReason.Weekend));
    }

    [Fact] // Luật Tố cáo 2018, Điều 30
    public void Denunciation_resolution_is_30_days() =>
        Assert.Equal(30, Compute("denunciation", "resolve", Monday).Limit);

    [Fact] // Luật Tố cáo 2018, Điều 30
    public void Denunciation_resolution_extended_once_is_60_days() =>
        Assert.Equal(60, Compute("denunciation", "resolve", Monday, extensions: 1).Limit);

    [Fact] // Luật Tố cáo 2018, Điều 30
    public void Denunciation_resolution_extended_twice_is_at_most_90_days()
    {
        Assert.Equal(90, Compute("denunciation", "resolve", Monday, extensions: 2).Limit);
        var third = Assert.Throws<VariantNotApplicableException>(() => Compute("denunciation", "resolve", Monday, extensions: 3));
        Assert.Equal(VariantProblemKind.ExtensionsOutOfRange, third.Problem);
    }

    [Fact] // Luật Tố cáo 2018, Điều 29
    public void Notification_after_acceptance_is_5_working_days() =>
        Assert.Equal(new DateOnly(2026, 3, 9), Compute("denunciation", "notify", Monday).Due);

    [Fact] // Thông tư 05/2021/TT-TTCP
    public void Petition_reply_defaults_to_10_working_days()
    {
        var deadline = Compute("petition", "process", Monday);
        Assert.Equal((10, ClockUnit.WorkingDays, new DateOnly(2026, 3, 16)), (deadline.Limit, deadline.Unit, deadline.Due));
    }

    [Fact] // The unit's own rules may set another limit
    public void Petition_reply_limit_is_configurable_per_unit()
    {
        var deadline = Compute("petition", "process", Monday, settings: new LegalClockSettings(PetitionReplyWorkingDays: 15));
        Assert.Equal(15, deadline.Limit);
        Assert.Equal(new DateOnly(2026, 3, 23), deadline.Due);
        Assert.Contains("own limit: 15", deadline.Source, StringComparison.Ordinal);
    }

    [Fact] // Bộ luật Dân sự 2015, Điều 147–148: counting starts the next day; a last day on a rest day moves forward
    public void Calendar_day_deadline_on_a_weekend_moves_to_the_next_working_day()
    {
        var deadline = Compute("complaint", "accept", new DateOnly(2026, 3, 4));
        Assert.Equal(new DateOnly(2026, 3, 14), deadline.Explanation.LastCountedDay);
        Assert.Equal(new DateOnly(2026, 3, 16), deadline.Due);
        Assert.True(deadline.Explanation.RolledForward);
        Assert.Equal(new DateOnly(2026, 3, 5), deadline.Explanation.CountingStarts);
    }

    [Fact] // Luật Khiếu nại 2011, Điều 27 counts calendar days: weekends inside the limit count
    public void Calendar_day_limits_count_weekends_inside_the_limit() =>
        Assert.DoesNotContain(Compute("complaint", "accept", Monday).Explanation.SkippedDays, d => !d.RollForward);

    [Fact] // Luật 136/2025/QH15 (from 2026-07-01): suspended time does not count
    public void Suspended_days_from_July_2026_do_not_count()
    {
        var trigger = new DateOnly(2026, 7, 6);
        var plain = Compute("complaint", "resolve", trigger);
        var suspended = Calculator().Compute(new DeadlineRequest(
            "complaint", "resolve", trigger, Suspensions: [new SuspendedInterval(new DateOnly(2026, 7, 10), new DateOnly(2026, 7, 20))]));
        Assert.Equal(plain.Explanation.LastCountedDay.AddDays(10), suspended.Explanation.LastCountedDay);
        Assert.Equal(10, suspended.Explanation.SkippedDays.Count(d => d.Reason == SkipReason.Suspended));
        Assert.All(suspended.Explanation.SkippedDays.Where(d => d.Reason == SkipReason.Suspended), d => Assert.Equal("Luật 136/2025/QH15", d.Source));
    }

    [Fact] // Before Luật 136/2025/QH15 is in force the clock keeps running while suspended (decision in docs/legal-clock.md)
    public void Suspended_days_before_July_2026_still_count()
    {
        var trigger = new DateOnly(2026, 5, 4);
        var plain = Compute("complaint", "resolve", trigger);
        var suspended = Calculator().Compute(new DeadlineRequest(
            "complaint", "resolve", trigger, Suspensions: [new SuspendedInterval(new DateOnly(2026, 5, 11), new DateOnly(2026, 5, 21))]));
        Assert.Equal(plain.Due, suspended.Due);
    }

    [Fact]
    public void A_deadline_explains_its_rule_source_trigger_and_skipped_days()
    {
        var lines = Compute("denunciation", "preliminary", new DateOnly(2026, 2, 11)).Explanation.ToLines();
        Assert.Contains(lines, l => l.Contains("Luật Tố cáo 2018, Điều 24", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Trigger: 2026-02-11", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("2026-02-16", StringComparison.Ordinal) && l.Contains("Tết Nguyên Đán", StringComparison.Ordinal));
        Assert.Equal("Due: 2026-02-27 (Friday).", lines[^1]);
    }

    [Fact]
    public void Remote_area_on_a_denunciation_is_refused_as_not_applicable()
    {
        var e = Assert.Throws<VariantNotApplicableException>(() => Compute("denunciation", "resolve", Monday, remote: true));
        Assert.Equal(VariantProblemKind.RemoteNotApplicable, e.Problem);
    }

    [Fact]
    public void A_step_without_a_rule_in_force_is_a_typed_error() =>
        Assert.Throws<UnknownLegalLimitException>(() => Compute("denunciation", "resolve", new DateOnly(2018, 6, 1)));
}
