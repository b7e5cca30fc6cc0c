using System.Globalization;
using Petitions.Core.Calendar;
using Petitions.Core.LegalClock;
using Petitions.Core.Organisation;
using Petitions.Core.Ports;
using Petitions.Core.UseCases.Common;

namespace Petitions.Core.UseCases.Staff;

/// <summary>
/// GET /api/staff/dashboard: counts (mine, due soon, overdue, escalated) and, per unit and month of the due date, the
/// on-time rate and the backlog, within the user's units. Reads only the CaseIndex: the officer and escalated
/// partitions and the due-date buckets, which hold the running clocks (a finished clock leaves its bucket). So
/// <c>rate</c> is the share of the month's running clocks that are not past due, and <c>open</c> the open cases whose
/// earliest running clock falls due in the month.
/// </summary>
public static class GetDashboard
{
    /// <summary>The question.</summary>
    public sealed record Query(StaffPrincipal Who);

    /// <summary>The counts.</summary>
    public sealed record Counts(int Mine, int DueSoon, int Overdue, int Escalated);

    /// <summary>On-time rate of a unit's running clocks due in a month (yyyy-MM), 0 to 1.</summary>
    public sealed record OnTime(string UnitId, string Month, double Rate);

    /// <summary>Open cases of a unit whose earliest running clock falls due in a month.</summary>
    public sealed record Backlog(string UnitId, string Month, int Open);

    /// <summary>The dashboard.</summary>
    public sealed record Dashboard(Counts Counts, IReadOnlyList<OnTime> OnTimeRate, IReadOnlyList<Backlog> Backlog);

    /// <summary>Builds the dashboard.</summary>
    public sealed class Handler(ICaseIndex index, OrganisationChart chart, DeadlineCalculator calculator, CaseHandlingSettings settings, TimeProvider time)
    {
        private const int PageSize = 1000;

        /// <summary>The dashboard, or Forbidden for an unknown member of staff.</summary>
        public async Task<UseCaseResult<Dashboard>> HandleAsync(Query query, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(query);
            if (chart.FindStaff(query.Who.StaffId) is not { } member || member.UnitId != query.Who.UnitId)
            {
                return UseCaseResult.Fail<Dashboard>(UseCaseProblem.Forbidden("Unknown member of staff."));
            }

            var units = StaffAccess.Units(query.Who, chart);
            var today = VietnamDate.Of(time.GetUtcNow());
            var soon = calculator.Calendar.AddWorkingDays(today, settings.DueSoonWorkingDays);

            var mine = await CountAsync(Exact(CaseIndexEntries.OfficerPartition(query.Who.StaffId), null), cancellationToken).ConfigureAwait(false);
            var escalated = 0;
            foreach (var unit in units)
            {
                escalated += await CountAsync(Exact(CaseIndexEntries.EscalatedPartition(unit), null), cancellationToken).ConfigureAwait(false);
            }

            var dueSoon = new HashSet<string>(StringComparer.Ordinal);
            var overdue = new HashSet<string>(StringComparer.Ordinal);
            var earliest = new Dictionary<string, (string Unit, DateOnly Due)>(StringComparer.Ordinal);
            var clocks = new Dictionary<(string Unit, string Month), (int Total, int OnTime)>();
            await foreach (var entry in index.ScanAsync(new IndexQuery("due-", "due-~", units, PageSize, null), cancellationToken).ConfigureAwait(false))
            {
                var v = entry.Values;
                if (v.Due is not { } due)
                {
                    continue;
                }

                if (due < today)
                {
                    overdue.Add(v.CaseId);
                }
                else if (due <= soon)
                {
                    dueSoon.Add(v.CaseId);
                }

                if (!earliest.TryGetValue(v.CaseId, out var known) || due < known.Due)
                {
                    earliest[v.CaseId] = (v.UnitId, due);
                }

                var key = (v.UnitId, Month(due));
                var (total, onTime) = clocks.GetValueOrDefault(key);
                clocks[key] = (total + 1, onTime + (due >= today ? 1 : 0));
            }

            var rates = clocks
                .OrderBy(c => c.Key.Unit, StringComparer.Ordinal).ThenBy(c => c.Key.Month, StringComparer.Ordinal)
                .Select(c => new OnTime(c.Key.Unit, c.Key.Month, Math.Round((double)c.Value.OnTime / c.Value.Total, 3)))
                .ToList();
            var backlog = earliest.Values
                .GroupBy(e => (e.Unit, Month: Month(e.Due)))
                .OrderBy(g => g.Key.Unit, StringComparer.Ordinal).ThenBy(g => g.Key.Month, StringComparer.Ordinal)
                .Select(g => new Backlog(g.Key.Unit, g.Key.Month, g.Count()))
                .ToList();
            return UseCaseResult.Ok(new Dashboard(new Counts(mine, dueSoon.Count, overdue.Count, escalated), rates, backlog));
        }

        private static IndexQuery Exact(string partition, IReadOnlyList<string>? unitIds) => new(partition, partition, unitIds, PageSize, null);

        private static string Month(DateOnly day) => day.ToString("yyyy-MM", CultureInfo.InvariantCulture);

        private async Task<int> CountAsync(IndexQuery query, CancellationToken cancellationToken)
        {
            var count = 0;
            await foreach (var _ in index.ScanAsync(query, cancellationToken).ConfigureAwait(false))
            {
                count++;
            }

            return count;
        }
    }
}
