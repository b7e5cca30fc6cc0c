using Petitions.Core.Calendar;
using Petitions.Core.Cases;
using Petitions.Core.LegalClock;

namespace Petitions.Core.Tests.Cases;

/// <summary>Luật Khiếu nại 2011, Điều 9: time lost to an objective obstacle is not counted in the filing limit, since 2012-07-01.</summary>
public sealed class FilingObstacleTests
{
    private static readonly DeadlineCalculator Calculator = new(LegalLimits.LoadEmbedded(), VietnamWorkingCalendar.Default);
    private static readonly DateTimeOffset Filed = new(2025, 6, 2, 9, 0, 0, TimeSpan.FromHours(7));
    private static readonly DateOnly LearntOn = new(2025, 2, 3);

    private static Case Complaint() => Case.Receive("KN-0001", CaseKind.ComplaintFirstInstance, false, false, "citizen", Filed, Calculator);

    [Fact] // Điều 9: 90 days from 3 Feb 2025 end on 4 May 2025 (Sunday) → Monday 5 May 2025
    public void Filing_limit_without_an_obstacle_is_90_days()
    {
        var deadline = Complaint().FilingDeadline(LearntOn, Calculator);
        Assert.Equal(new DateOnly(2025, 5, 4), deadline.Explanation.LastCountedDay);
        Assert.Equal(new DateOnly(2025, 5, 5), deadline.Due);
    }

    [Fact] // Điều 9, in force since 2012-07-01 (not only from 2026): 20 days in hospital in March 2025 are not counted
    public void Filing_obstacle_is_not_counted_since_2012_and_the_explanation_says_so()
    {
        var @case = Complaint();
        @case.RecordFilingObstacle(new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 20), "nằm viện (illness)", "qn-camtay-officer1", Filed);

        var deadline = @case.FilingDeadline(LearntOn, Calculator);

        Assert.Equal(new DateOnly(2025, 5, 24), deadline.Explanation.LastCountedDay);
        Assert.Equal(20, deadline.Explanation.SkippedDays.Count(d => d.Reason == SkipReason.Obstacle));
        Assert.Contains(deadline.Explanation.ToLines(), l => l.Contains("2025-03-01", StringComparison.Ordinal) && l.Contains("objective obstacle", StringComparison.Ordinal) && l.Contains("Luật Khiếu nại 2011, Điều 9", StringComparison.Ordinal));
        var recorded = Assert.Single(@case.UncommittedEvents.OfType<FilingObstacleRecorded>());
        Assert.Equal((new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 20)), (recorded.From, recorded.Until));
        Assert.Single(Case.Restore(@case.ToSnapshot()).FilingObstacles);
    }

    [Fact]
    public void Filing_obstacle_is_refused_for_a_denunciation_in_the_future_or_overlapping()
    {
        var denunciation = Case.Receive("TC-0001", CaseKind.Denunciation, false, false, "citizen", Filed, Calculator);
        Assert.Throws<InvalidCaseTransitionException>(() => denunciation.RecordFilingObstacle(new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 2), "x", "s", Filed));
        var @case = Complaint();
        Assert.Throws<InvalidCaseTransitionException>(() => @case.RecordFilingObstacle(new DateOnly(2025, 6, 1), new DateOnly(2025, 6, 10), "x", "s", Filed));
        @case.RecordFilingObstacle(new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 20), "x", "s", Filed);
        Assert.Throws<InvalidCaseTransitionException>(() => @case.RecordFilingObstacle(new DateOnly(2025, 3, 20), new DateOnly(2025, 3, 25), "y", "s", Filed));
    }

    [Fact] // The obstacle rule is for the filing limit only: a complaint's resolution clock is not paused by it
    public void Obstacle_rule_applies_to_the_filing_step_only()
    {
        var limits = LegalLimits.LoadEmbedded();
        Assert.True(limits.SuspensionRuleOn("complaint", "file", new DateOnly(2013, 1, 1))!.Obstacle);
        Assert.Null(limits.SuspensionRuleOn("complaint", "resolve", new DateOnly(2013, 1, 1)));
    }
}
