using Azure.Data.Tables;
using Petitions.Core.Calendar;
using Petitions.Core.Cases;
using Petitions.Core.LegalClock;
using Petitions.Core.Organisation;
using Petitions.Core.Reporting;
using Petitions.Core.UseCases.Reports;
using Petitions.Infrastructure.Reports;
using Petitions.Infrastructure.Storage;
using Petitions.TestKit;

namespace Petitions.Infrastructure.Tests.Reports;

/// <summary>The reporting store on Azurite: sums equal to the generated set, redelivery and reordering change nothing, drill-down, clearing.</summary>
public sealed class TableReportStoreAzuriteTests
{
    private static readonly OrganisationChart Chart = OrganisationLoader.LoadDemo();
    private static readonly DeadlineCalculator Calculator = new(LegalLimits.LoadEmbedded(), VietnamWorkingCalendar.Default);
    private static readonly DateOnly Today = new(2026, 12, 31);

    private static async Task<TableReportStore> NewStoreAsync()
    {
        var table = new TableServiceClient(AzuriteServer.Shared.ConnectionString).GetTableClient(AzuriteServer.UniqueName("reports"));
        await table.CreateIfMissingAsync();
        return new TableReportStore(table);
    }

    [Fact]
    public async Task The_stored_aggregates_equal_the_generated_figures_even_when_every_report_is_delivered_twice_in_parallel()
    {
        var store = await NewStoreAsync();
        var generator = new GeneratedCases(Chart, seed: 5);
        var cases = generator.Generate(150, new DateOnly(2026, 1, 5), 330, Today);
        var reports = cases.Select(c => CaseReportProjection.Project(c.Case, c.FiledUnitId, c.Events, Chart)).ToList();

        await Parallel.ForEachAsync(reports.Concat(reports), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (r, ct) => await store.ApplyAsync(r, ct));

        var months = new ReportPeriod("2026-01", "2026-12").Months;
        var totals = await store.TotalsAsync(months);
        foreach (var ((unit, month), expected) in generator.Expected)
        {
            var actual = new ReportFigures();
            foreach (var t in totals.Where(t => t.Bucket.UnitId == unit && t.Bucket.Month == month))
            {
                actual.Add(t.Figures);
            }

            Assert.Equal(
                (expected.Received, expected.Accepted, expected.Resolved, expected.ResolvedOnTime, expected.ResolvedLate, expected.DaysLate, expected.Ratings, expected.RatingPoints),
                (actual.Received, actual.Accepted, actual.Resolved, actual.ResolvedOnTime, actual.ResolvedLate, actual.DaysLate, actual.Ratings, actual.RatingPoints));
        }

        var open = await store.OpenAsync();
        Assert.Equal(generator.OpenByUnit.Values.Sum(), open.Count);
    }

    [Fact]
    public async Task An_older_report_arriving_after_a_newer_one_changes_nothing_and_a_case_moves_between_months()
    {
        var store = await NewStoreAsync();
        var at = new DateTimeOffset(2026, 3, 30, 10, 0, 0, TimeSpan.FromHours(7));
        var @case = Case.Receive("HS-ORDER001", CaseKind.Petition, false, false, "citizen", at, Calculator);
        @case.Route("qn-camtay", false, "qn-camtay-head", "qn-camtay-officer1", "rule", "system", at, Calculator);
        var events = @case.UncommittedEvents.ToList();
        var older = CaseReportProjection.Project(@case, "qn-camtay", events, Chart);
        @case.Accept("qn-camtay-officer1", at.AddDays(3), Calculator);
        @case.StartWork("qn-camtay-officer1", at.AddDays(3));
        @case.Resolve("TL", "qn-camtay-officer1", at.AddDays(4), Calculator, new DateOnly(2026, 4, 3));
        var newer = CaseReportProjection.Project(@case, "qn-camtay", [.. @case.UncommittedEvents], Chart);

        await store.ApplyAsync(newer);
        await store.ApplyAsync(older);
        await store.ApplyAsync(newer);

        var march = Sum(await store.TotalsAsync(["2026-03"]));
        var april = Sum(await store.TotalsAsync(["2026-04"]));
        Assert.Equal((1, 0, 1), (march.Received, march.Resolved, march.OpenOnTime));
        Assert.Equal((0, 1, 1, 1), (april.Received, april.Resolved, april.ResolvedOnTime, april.Accepted));
        Assert.Empty(await store.OpenAsync());

        var cases = await store.CasesAsync("2026-04", "qn-camtay");
        var entry = Assert.Single(cases);
        Assert.Equal(("HS-ORDER001", 1), (entry.CaseId, entry.Figures.Value("resolvedOnTime")));
    }

    [Fact]
    public async Task A_case_that_changes_unit_leaves_no_figure_behind_and_clearing_empties_the_store()
    {
        var store = await NewStoreAsync();
        var at = new DateTimeOffset(2026, 5, 4, 10, 0, 0, TimeSpan.FromHours(7));
        var @case = Case.Receive("HS-MOVE0001", CaseKind.Petition, false, false, "citizen", at, Calculator);
        var received = CaseReportProjection.Project(@case, "qn-halong", [.. @case.UncommittedEvents], Chart);
        await store.ApplyAsync(received);
        @case.Route("qn-camtay", false, "qn-camtay-head", "qn-camtay-officer1", "rule", "system", at, Calculator);
        await store.ApplyAsync(CaseReportProjection.Project(@case, "qn-halong", [.. @case.UncommittedEvents], Chart));

        var totals = await store.TotalsAsync(["2026-05"]);

        Assert.Equal(("qn-camtay", "qn-camtay-head", 1), (Assert.Single(totals).Bucket.UnitId, totals[0].Bucket.HeadId, totals[0].Figures.Received));
        Assert.Empty(await store.CasesAsync("2026-05", "qn-halong"));
        Assert.Equal("qn-camtay", Assert.Single(await store.OpenAsync()).Stint.UnitId);

        await store.ClearAsync();
        Assert.Empty(await store.TotalsAsync(["2026-05"]));
        Assert.Empty(await store.OpenAsync());
    }

    private static ReportFigures Sum(IEnumerable<Core.Ports.ReportTotal> totals)
    {
        var sum = new ReportFigures();
        foreach (var t in totals)
        {
            sum.Add(t.Figures);
        }

        return sum;
    }
}
