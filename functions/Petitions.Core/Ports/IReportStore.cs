using Petitions.Core.Reporting;

namespace Petitions.Core.Ports;

/// <summary>One aggregate of the reporting store: a bucket and kind, and the sum of the figures of its cases.</summary>
public sealed record ReportTotal(ReportBucket Bucket, string Kind, ReportFigures Figures);

/// <summary>What one case contributes to one bucket (the drill-down from a figure to its cases).</summary>
public sealed record ReportCaseEntry(string CaseId, string Kind, ReportBucket Bucket, ReportFigures Figures);

/// <summary>A case's open part, as stored.</summary>
public sealed record ReportOpenCase(string CaseId, string Kind, OpenStint Stint);

/// <summary>
/// The reporting store (docs/reports.md): a projection of the case events, kept by the outbox relay. Applying a case's
/// report is idempotent and ordered by the case's version: a redelivery, or an older report arriving after a newer one,
/// changes nothing.
/// </summary>
public interface IReportStore
{
    /// <summary>Brings the store to <paramref name="report"/> for its case, unless it already holds that version or a later one.</summary>
    Task ApplyAsync(CaseReport report, CancellationToken cancellationToken = default);

    /// <summary>The aggregates of the given months (yyyy-MM), every unit.</summary>
    Task<IReadOnlyList<ReportTotal>> TotalsAsync(IReadOnlyList<string> months, CancellationToken cancellationToken = default);

    /// <summary>The cases behind a unit's figures in a month.</summary>
    Task<IReadOnlyList<ReportCaseEntry>> CasesAsync(string month, string unitId, CancellationToken cancellationToken = default);

    /// <summary>Every case open now, with its open part.</summary>
    Task<IReadOnlyList<ReportOpenCase>> OpenAsync(CancellationToken cancellationToken = default);

    /// <summary>Deletes everything (before a rebuild).</summary>
    Task ClearAsync(CancellationToken cancellationToken = default);
}

/// <summary>Every case id in the case store (the rebuild of the reports reads them all).</summary>
public interface ICaseCatalogue
{
    /// <summary>The ids, in storage order.</summary>
    IAsyncEnumerable<string> CaseIdsAsync(CancellationToken cancellationToken = default);
}
