using Petitions.Core.Organisation;
using Petitions.Core.Ports;
using Petitions.Core.Reporting;

namespace Petitions.Core.UseCases.Reports;

/// <summary>
/// Brings the reporting store up to a case's current state: reads its events (the append-only record) and projects them
/// with its clocks (<see cref="CaseReportProjection"/>). Called by the outbox relay after every commit, so the store has
/// no source of its own; safe to repeat (the store applies a version once).
/// </summary>
public sealed class ProjectCaseReport(ICaseStore store, IReportStore reports, OrganisationChart chart)
{
    /// <summary>Projects the stored case.</summary>
    public async Task<CaseReport> ProjectAsync(StoredCase stored, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var events = await store.EventsAsync(stored.Case.Id, cancellationToken).ConfigureAwait(false);
        var report = CaseReportProjection.Project(stored.Case, stored.Letter.FiledUnitId, events, chart);
        await reports.ApplyAsync(report, cancellationToken).ConfigureAwait(false);
        return report;
    }

    /// <summary>Projects a case by id; false when there is no such case.</summary>
    public async Task<bool> ProjectAsync(string caseId, CancellationToken cancellationToken = default)
    {
        var stored = await store.FindAsync(caseId, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return false;
        }

        await ProjectAsync(stored, cancellationToken).ConfigureAwait(false);
        return true;
    }
}
