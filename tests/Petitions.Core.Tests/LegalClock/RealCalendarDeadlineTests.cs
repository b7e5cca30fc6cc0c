using FsCheck;
using FsCheck.Fluent;
using Petitions.Core.Calendar;
using Petitions.Core.LegalClock;

namespace Petitions.Core.Tests.LegalClock;

/// <summary>Legal examples on Vietnam's real working calendar (rules plus the government's published 2024–2026 schedules).</summary>
public sealed class RealCalendarDeadlineTests
{
    private static readonly DeadlineCalculator Calculator = new(LegalLimits.LoadEmbedded(), VietnamWorkingCalendar.Default);

    private static Deadline Compute(string kind, string step, DateOnly trigger) =>
        Calculator.Compute(new DeadlineRequest(kind, step, trigger));

    [Fact] // Luật Tố cáo 2018, Điều 24; Tết Bính Ngọ 2026: state agencies off 14–22 Feb
    public void Preliminary_handling_across_Tet_2026_skips_the_nine_days_off()
    {
        var deadline = Compute("denunciation", "preliminary", new DateOnly(2026, 2, 11));
        Assert.Equal(new DateOnly(2026, 2, 27), deadline.Due);
        var skipped = deadline.Explanation.SkippedDays.Select(d => d.Date).ToList();
        Assert.Equal(Enumerable.Range(0, 9).Select(i => new DateOnly(2026, 2, 14).AddDays(i)), skipped);
        Assert.Equal(5, deadline.Explanation.SkippedDays.Count(d => d.Reason == SkipReason.Holiday && d.Name!.Contains("Tết", StringComparison.Ordinal)));
    }

    [Fact] // Luật Khiếu nại 2011, Điều 27 + Bộ luật Dân sự 2015, Điều 148: day 10 falls in Tết, the deadline moves to the first working day after it
    public void Complaint_acceptance_whose_last_day_falls_in_Tet_moves_to_the_first_working_day_after()
    {
        var deadline = Compute("complaint", "accept", new DateOnly(2026, 2, 9));
        Assert.Equal(new DateOnly(2026, 2, 19), deadline.Explanation.LastCountedDay);
        Assert.Equal(new DateOnly(2026, 2, 23), deadline.Due);
        Assert.Contains(deadline.Explanation.ToLines(), l => l.Contains("moved past 2026-02-19", StringComparison.Ordinal) && l.Contains("Tết", StringComparison.Ordinal));
    }

    [Fact] // TT 05/2021/TT-TTCP (10 working days); 2 Jan 2026 swapped off, Saturday 10 Jan 2026 worked in its place
    public void Working_days_follow_the_official_swap_and_count_the_make_up_Saturday()
    {
        var deadline = Compute("letter", "classify", new DateOnly(2025, 12, 31));
        Assert.Contains(deadline.Explanation.SkippedDays, d => d.Date == new DateOnly(2026, 1, 2) && d.Reason == SkipReason.OfficialDayOff);
        Assert.DoesNotContain(deadline.Explanation.SkippedDays, d => d.Date == new DateOnly(2026, 1, 10));
        // Jan 5–9 (5), Sat Jan 10 (6), Jan 12–15 (10).
        Assert.Equal(new DateOnly(2026, 1, 15), deadline.Due);
    }

    [Fact] // Luật Tố cáo 2018, Điều 24 (7 working days); Thông báo 9441/TB-BNV: 31/8/2026 swapped off, Saturday 22/8 worked
    public void Working_days_across_National_day_2026_count_the_make_up_Saturday_and_skip_the_swapped_Monday()
    {
        var before = Compute("denunciation", "preliminary", new DateOnly(2026, 8, 20));
        Assert.DoesNotContain(before.Explanation.SkippedDays, d => d.Date == new DateOnly(2026, 8, 22));
        // Fri 21/8 (1), Sat 22/8 (2), 24–28/8 (3–7).
        Assert.Equal(new DateOnly(2026, 8, 28), before.Due);

        // From 27/8: Fri 28/8 (1), then 29/8–2/9 are off, Thu 3/9 (2) … Mon 7/9 (4) … Wed 9/9 (6), Thu 10/9 (7).
        var across = Compute("denunciation", "preliminary", new DateOnly(2026, 8, 27));
        Assert.Contains(across.Explanation.SkippedDays, d => d.Date == new DateOnly(2026, 8, 31) && d.Reason == SkipReason.OfficialDayOff);
        Assert.Equal(new DateOnly(2026, 9, 10), across.Due);
    }

    [Fact] // Bộ luật Dân sự 2015, Điều 148
    public void A_deadline_never_lands_on_a_rest_day_on_the_real_calendar() =>
        Prop.ForAll(
                Gen.Choose(0, 3 * 365).Select(new DateOnly(2024, 1, 1).AddDays).ToArbitrary(),
                Gen.Elements(LegalLimits.LoadEmbedded().Limits.Where(l => l.EffectiveFrom <= new DateOnly(2024, 1, 1)).ToArray()).ToArbitrary(),
                (trigger, rule) => VietnamWorkingCalendar.Default.Describe(Compute(rule.Kind, rule.Step, trigger).Due).IsWorkingDay)
            .QuickCheckThrowOnFailure();
}
