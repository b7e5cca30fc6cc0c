using Petitions.Core.Calendar;
using Petitions.Core.Cases;
using Petitions.Core.Escalation;
using Petitions.Core.LegalClock;
using Petitions.Core.Organisation;
using Petitions.Core.Reporting;
using Petitions.TestKit;

namespace Petitions.Core.Tests.Reporting;

/// <summary>
/// The projection of case events into report figures (docs/reports.md), cross-checked against a generated set whose
/// outcomes are known by construction, and the on-time rule on cases built step by step.
/// </summary>
public sealed class CaseReportProjectionTests
{
    private static readonly OrganisationChart Chart = OrganisationLoader.LoadDemo();
    private static readonly DeadlineCalculator Calculator = new(LegalLimits.LoadEmbedded(), VietnamWorkingCalendar.Default);
    private static readonly DateOnly Today = new(2026, 12, 31);

    [Fact]
    public void Generated_cases_project_to_the_figures_they_were_built_with()
    {
        var generator = new GeneratedCases(Chart, seed: 17);
        var cases = generator.Generate(1500, new DateOnly(2026, 1, 5), 330, Today);

        var sums = new Dictionary<(string Unit, string Month), ReportFigures>();
        var open = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var generated in cases)
        {
            var report = CaseReportProjection.Project(generated.Case, generated.FiledUnitId, generated.Events, Chart);
            foreach (var contribution in report.Contributions)
            {
                var key = (contribution.Bucket.UnitId, contribution.Bucket.Month);
                sums[key] = (sums.GetValueOrDefault(key) ?? new ReportFigures()).Add(contribution.Figures);
            }

            if (report.Open is { } stint)
            {
                open[stint.UnitId] = open.GetValueOrDefault(stint.UnitId) + 1;
            }
        }

        Assert.True(generator.SavedByExtensionOrSuspension > 20, $"only {generator.SavedByExtensionOrSuspension} cases on time thanks to an extension or suspension");
        Assert.Equal(generator.OpenByUnit.OrderBy(k => k.Key), open.OrderBy(k => k.Key));
        foreach (var ((unit, month), expected) in generator.Expected)
        {
            var actual = sums.GetValueOrDefault((unit, month)) ?? new ReportFigures();
            Assert.True(
                (expected.Received, expected.Accepted, expected.ForwardedOrGuided, expected.Withdrawn, expected.Resolved, expected.ResolvedOnTime,
                    expected.ResolvedLate, expected.DaysLate, expected.Ratings, expected.RatingPoints)
                == (actual.Received, actual.Accepted, actual.ForwardedOrGuided, actual.Withdrawn, actual.Resolved, actual.ResolvedOnTime,
                    actual.ResolvedLate, actual.DaysLate, actual.Ratings, actual.RatingPoints),
                $"{unit} {month}: expected {Describe(expected)}, projected {Describe(actual)}");
        }

        Assert.Equal(generator.Expected.Values.Sum(e => e.Resolved), sums.Values.Sum(s => s.HandlingDays.Values.Sum()));
        Assert.DoesNotContain(sums.Keys, k => !generator.Expected.ContainsKey(k) && !sums[k].IsEmpty && sums[k].OpenOnTime + sums[k].OpenOverdue == 0);
    }

    [Fact] // Luật Tố cáo 2018, Điều 30: the extension moves the deadline in force
    public void A_denunciation_resolved_after_its_first_due_date_but_within_the_extension_is_on_time()
    {
        var (@case, at) = InProgress(CaseKind.Denunciation, new DateOnly(2026, 3, 2));
        var first = Resolution(@case).Due;
        @case.Extend("Phức tạp", false, "qn-camtay-head", at.AddDays(5), Calculator);
        var extended = Resolution(@case).Due;
        Assert.True(extended > first.AddDays(20));

        @case.Resolve("KL", "qn-camtay-officer1", Day(first.AddDays(10)), Calculator, first.AddDays(10));
        var figures = Single(@case);

        Assert.Equal((1, 1, 0, 0), (figures.Resolved, figures.ResolvedOnTime, figures.ResolvedLate, figures.DaysLate));
    }

    [Fact] // Luật Tố cáo 2018, Điều 34 khoản 2: suspended time is not counted
    public void Suspended_days_are_not_counted_so_a_resolution_past_the_original_date_can_be_on_time()
    {
        var (@case, at) = InProgress(CaseKind.Denunciation, new DateOnly(2026, 3, 2));
        var first = Resolution(@case).Due;
        @case.Suspend("Chờ giám định", "qn-camtay-officer1", at.AddDays(3), Calculator);
        @case.Resume("qn-camtay-officer1", at.AddDays(23), Calculator);
        var shifted = Resolution(@case).Due;
        Assert.True(shifted >= first.AddDays(19));

        @case.Resolve("KL", "qn-camtay-officer1", Day(shifted), Calculator, shifted);

        Assert.Equal((1, 1, 0), (Single(@case).Resolved, Single(@case).ResolvedOnTime, Single(@case).ResolvedLate));
    }

    [Fact]
    public void A_late_resolution_counts_its_calendar_days_past_the_deadline()
    {
        var (@case, _) = InProgress(CaseKind.ComplaintFirstInstance, new DateOnly(2026, 3, 2));
        var due = Resolution(@case).Due;

        @case.Resolve("QĐ", "qn-camtay-officer1", Day(due.AddDays(4)), Calculator, due.AddDays(4));

        Assert.Equal((1, 0, 1, 4), (Single(@case).Resolved, Single(@case).ResolvedOnTime, Single(@case).ResolvedLate, Single(@case).DaysLate));
    }

    [Fact]
    public void A_case_open_over_month_ends_counts_on_time_then_overdue_at_each_end_once_it_is_resolved()
    {
        var (@case, _) = InProgress(CaseKind.ComplaintFirstInstance, new DateOnly(2026, 3, 2));
        var due = Resolution(@case).Due; // about 1 April 2026 (30 days from acceptance)
        var resolvedOn = new DateOnly(2026, 5, 15);

        @case.Resolve("QĐ", "qn-camtay-officer1", Day(resolvedOn), Calculator, resolvedOn);
        var report = Project(@case);

        Assert.Null(report.Open);
        var byMonth = report.Contributions.ToDictionary(c => c.Bucket.Month, c => c.Figures);
        Assert.Equal((1, 0), (byMonth["2026-03"].OpenOnTime, byMonth["2026-03"].OpenOverdue));
        Assert.Equal((0, 1), (byMonth["2026-04"].OpenOnTime, byMonth["2026-04"].OpenOverdue));
        Assert.Equal((0, 0, 1), (byMonth["2026-05"].OpenOnTime, byMonth["2026-05"].OpenOverdue, byMonth["2026-05"].ResolvedLate));
        Assert.True(due < new DateOnly(2026, 4, 30));
    }

    [Fact]
    public void An_open_case_is_judged_when_read_and_a_suspended_one_is_not_overdue()
    {
        var (@case, at) = InProgress(CaseKind.Denunciation, new DateOnly(2026, 3, 2));
        var open = Project(@case).Open!;
        var due = Resolution(@case).Due;
        var lateDay = due.AddDays(3);

        var onTime = new ReportFigures();
        Assert.True(OnTimeRule.AddOpenAt(open, "2026-03", lateDay, onTime));
        var overdue = new ReportFigures();
        Assert.True(OnTimeRule.AddOpenAt(open, ReportBucket.MonthOf(lateDay), lateDay, overdue));
        Assert.Equal((1, 0), (onTime.OpenOnTime, onTime.OpenOverdue));
        Assert.Equal((0, 1), (overdue.OpenOnTime, overdue.OpenOverdue));
        Assert.False(OnTimeRule.AddOpenAt(open, "2026-02", lateDay, new ReportFigures()));

        @case.Suspend("Chờ giám định", "qn-camtay-officer1", at.AddDays(3), Calculator);
        var suspended = new ReportFigures();
        Assert.True(OnTimeRule.AddOpenAt(Project(@case).Open!, ReportBucket.MonthOf(lateDay), lateDay, suspended));
        Assert.Equal((1, 0), (suspended.OpenOnTime, suspended.OpenOverdue));
    }

    [Fact]
    public void A_forwarded_petition_counts_as_received_and_forwarded_in_the_first_unit_and_received_in_the_second()
    {
        var at = Day(new DateOnly(2026, 6, 1));
        var @case = Case.Receive("HS-FWD00001", CaseKind.Petition, false, false, "citizen", at, Calculator);
        @case.Route("qn-camtay", false, "qn-camtay-head", "qn-camtay-officer1", "rule", "system", at, Calculator);
        @case.Forward("qn-halong", "Ngoài thẩm quyền", "qn-camtay-officer1", at.AddDays(1));
        @case.ReceiveForwarded("qn-camtay", false, "qn-halong-head", Chart.OfficersOf("qn-halong")[0].Id, "system", at.AddDays(1), Calculator);

        var report = Project(@case);

        var first = Assert.Single(report.Contributions, c => c.Bucket.UnitId == "qn-camtay");
        var second = Assert.Single(report.Contributions, c => c.Bucket.UnitId == "qn-halong");
        Assert.Equal(("qn-camtay-head", 1, 1), (first.Bucket.HeadId, first.Figures.Received, first.Figures.ForwardedOrGuided));
        Assert.Equal(("qn-halong-head", 1, 0), (second.Bucket.HeadId, second.Figures.Received, second.Figures.ForwardedOrGuided));
        Assert.Equal("qn-halong", report.Open!.UnitId);
    }

    [Fact]
    public void Escalations_count_per_rung_and_the_overdue_rung_that_tells_the_citizen_is_an_apology()
    {
        var (@case, _) = InProgress(CaseKind.ComplaintFirstInstance, new DateOnly(2026, 3, 2));
        var policy = new EscalationPolicy(EscalationLadder.LoadEmbedded(), VietnamWorkingCalendar.Default);
        var clock = Resolution(@case);
        var after = clock.Due.AddDays(2);
        foreach (var rung in policy.DueRungs([new WatchedClock(@case.Id, clock.Kind, clock.Step, clock.Due)], @case.FiredRungs, Day(after)))
        {
            @case.RecordEscalation(rung, "system", Day(rung.FiresOn));
        }

        var figures = new ReportFigures();
        foreach (var c in Project(@case).Contributions)
        {
            figures.Add(c.Figures);
        }

        Assert.Equal(1, figures.Escalations["overdue"]);
        Assert.True(figures.Escalations.Count >= 3);
        Assert.Equal(1, figures.Apologies);
    }

    [Fact]
    public void The_90th_percentile_of_handling_days_is_the_nearest_rank()
    {
        var figures = new ReportFigures();
        for (var days = 1; days <= 20; days++)
        {
            figures.HandlingDays[days] = 1;
        }

        Assert.Equal(18, figures.P90HandlingDays);
        Assert.Equal(10.5, figures.MeanHandlingDays);
        Assert.Null(new ReportFigures().P90HandlingDays);
    }

    [Fact]
    public void The_on_time_rate_counts_open_overdue_cases_against_the_unit()
    {
        var figures = new ReportFigures { Resolved = 8, ResolvedOnTime = 8, OpenOverdue = 2 };

        Assert.Equal(0.8, figures.OnTimeRate);
        Assert.Null(new ReportFigures { OpenOnTime = 3 }.OnTimeRate);
    }

    [Fact]
    public void The_projection_is_the_same_for_the_same_case()
    {
        var (@case, _) = InProgress(CaseKind.Petition, new DateOnly(2026, 3, 2));
        @case.Resolve("TL", "qn-camtay-officer1", Day(new DateOnly(2026, 3, 9)), Calculator, new DateOnly(2026, 3, 9));

        var once = Project(@case);
        var twice = Project(@case);

        Assert.Equal(once.Version, twice.Version);
        Assert.Equal(
            System.Text.Json.JsonSerializer.Serialize(once.Contributions),
            System.Text.Json.JsonSerializer.Serialize(twice.Contributions));
    }

    private static (Case Case, DateTimeOffset Accepted) InProgress(CaseKind kind, DateOnly receivedOn)
    {
        var at = Day(receivedOn);
        var @case = Case.Receive("HS-T" + Guid.NewGuid().ToString("N")[..7].ToUpperInvariant(), kind, false, false, "citizen", at, Calculator);
        @case.Route("qn-camtay", false, "qn-camtay-head", "qn-camtay-officer1", "rule", "system", at, Calculator);
        var accepted = at.AddDays(1);
        @case.Accept("qn-camtay-officer1", accepted, Calculator);
        @case.StartWork("qn-camtay-officer1", accepted);
        return (@case, accepted);
    }

    private static CaseClock Resolution(Case @case) => @case.Clocks.Last(c => c.Step == (@case.Kind.ResolutionStep() ?? @case.Kind.ReceptionStep()));

    private static CaseReport Project(Case @case) => CaseReportProjection.Project(@case, "qn-camtay", [.. @case.UncommittedEvents], Chart);

    private static ReportFigures Single(Case @case)
    {
        var sum = new ReportFigures();
        foreach (var c in Project(@case).Contributions)
        {
            sum.AddFlows(c.Figures);
        }

        return sum;
    }

    private static DateTimeOffset Day(DateOnly day) => new(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(7));

    private static string Describe(object figures) => System.Text.Json.JsonSerializer.Serialize(figures);
}
