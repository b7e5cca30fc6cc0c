using System.Globalization;
using Petitions.Core.Calendar;
using Petitions.Core.Cases;
using Petitions.Core.LegalClock;
using Petitions.Core.Organisation;
using Petitions.Core.Ports;
using Petitions.Core.UseCases.Common;

namespace Petitions.Core.UseCases.Staff;

/// <summary>
/// GET /api/staff/watch: the watch from above (<see cref="StaffWatch"/>). For every unit below the reader — for a head,
/// the units whose supervising unit or parent is theirs; for the <c>supervisor</c> role, the units their unit supervises —
/// the cases about to slip past the unit's level (escalated to the supervising level or overdue, past due, or due
/// within the supervisor rung's lead) and per-unit counts, riskiest first. Reads only the CaseIndex.
/// </summary>
public static class GetWatch
{
    /// <summary>The question.</summary>
    public sealed record Query(StaffPrincipal Who);

    /// <summary>
    /// An at-risk case. <paramref name="Risk"/>: <c>overdue</c> (past due), <c>due</c> (due within the lead) or
    /// <c>escalated</c> (the supervisor or overdue rung fired, whatever its due date now).
    /// </summary>
    public sealed record Item(
        string TrackingCode, string Kind, string Title, string Status, string UnitId, string UnitName, string UnitNameEn, string? OfficerId,
        string? OfficerName, DateOnly? Due, string Risk, string? Escalation);

    /// <summary>
    /// One unit below: its open cases, those due soon (within the dashboard's due-soon days), overdue and at risk, and
    /// the on-time rate this month (share of the running clocks due this month that are not past due; null when none).
    /// </summary>
    public sealed record UnitWatch(string UnitId, string Name, string NameEn, int Open, int DueSoon, int Overdue, int AtRisk, double? OnTimeRate);

    /// <summary>The watch.</summary>
    public sealed record Watch(string Month, DateOnly Horizon, IReadOnlyList<UnitWatch> Units, IReadOnlyList<Item> Items);

    /// <summary>Builds the watch.</summary>
    public sealed class Handler(ICaseIndex index, OrganisationChart chart, StaffWatch watch, DeadlineCalculator calculator, CaseHandlingSettings settings)
    {
        private const int PageSize = 1000;

        private static readonly string[] OpenStatuses =
            [.. new[] { CaseStatus.Received, CaseStatus.Accepted, CaseStatus.Assigned, CaseStatus.InProgress, CaseStatus.Suspended }.Select(CaseNames.Status)];

        /// <summary>The watch, or Forbidden for anyone with no unit below them.</summary>
        public async Task<UseCaseResult<Watch>> HandleAsync(Query query, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(query);
            var units = UnitsOf(query.Who);
            if (units.Count == 0)
            {
                return UseCaseResult.Fail<Watch>(UseCaseProblem.Forbidden("The watch is for the heads of the levels above a unit and the supervising level."));
            }

            var ids = units.Select(u => u.Id).ToList();
            var today = watch.Today;
            var horizon = watch.RiskHorizon(today);
            var soon = calculator.Calendar.AddWorkingDays(today, settings.DueSoonWorkingDays);
            var month = today.ToString("yyyy-MM", CultureInfo.InvariantCulture);

            var earliest = new Dictionary<string, IndexValues>(StringComparer.Ordinal);
            var clocks = new Dictionary<string, (int Total, int OnTime)>(StringComparer.Ordinal);
            await foreach (var entry in index.ScanAsync(new IndexQuery("due-", "due-~", ids, PageSize, null), cancellationToken).ConfigureAwait(false))
            {
                var v = entry.Values;
                if (v.Due is not { } due)
                {
                    continue;
                }

                if (!earliest.TryGetValue(v.CaseId, out var known) || due < known.Due)
                {
                    earliest[v.CaseId] = v;
                }

                if (due.ToString("yyyy-MM", CultureInfo.InvariantCulture) == month)
                {
                    var (total, onTime) = clocks.GetValueOrDefault(v.UnitId);
                    clocks[v.UnitId] = (total + 1, onTime + (due >= today ? 1 : 0));
                }
            }

            var escalated = new Dictionary<string, IndexValues>(StringComparer.Ordinal);
            var open = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var unit in ids)
            {
                var partition = CaseIndexEntries.EscalatedPartition(unit);
                await foreach (var entry in index.ScanAsync(new IndexQuery(partition, partition, null, PageSize, null), cancellationToken).ConfigureAwait(false))
                {
                    if (StaffWatch.IsAboveRung(entry.Values.Escalation))
                    {
                        escalated[entry.Values.CaseId] = entry.Values;
                    }
                }

                foreach (var status in OpenStatuses)
                {
                    var statusPartition = CaseIndexEntries.UnitPartition(unit, status);
                    await foreach (var _ in index.ScanAsync(new IndexQuery(statusPartition, statusPartition, null, PageSize, null), cancellationToken).ConfigureAwait(false))
                    {
                        open[unit] = open.GetValueOrDefault(unit) + 1;
                    }
                }
            }

            var items = earliest.Values.Where(v => v.Due <= horizon).Select(v => Row(v, v.Due < today ? "overdue" : "due"))
                .Concat(escalated.Values.Where(v => !(earliest.TryGetValue(v.CaseId, out var e) && e.Due <= horizon)).Select(v => Row(earliest.GetValueOrDefault(v.CaseId) ?? v, "escalated")))
                .OrderBy(i => i.Due ?? DateOnly.MaxValue).ThenBy(i => i.TrackingCode, StringComparer.Ordinal)
                .ToList();
            var perUnit = units.Select(u => new UnitWatch(
                    u.Id, u.Name, u.NameEn ?? u.Name, open.GetValueOrDefault(u.Id),
                    earliest.Values.Count(v => v.UnitId == u.Id && v.Due >= today && v.Due <= soon),
                    earliest.Values.Count(v => v.UnitId == u.Id && v.Due < today),
                    items.Count(i => i.UnitId == u.Id),
                    clocks.TryGetValue(u.Id, out var c) && c.Total > 0 ? Math.Round((double)c.OnTime / c.Total, 3) : null))
                .OrderByDescending(u => u.Overdue).ThenByDescending(u => u.AtRisk).ThenByDescending(u => u.DueSoon).ThenBy(u => u.Name, StringComparer.Ordinal)
                .ToList();
            return UseCaseResult.Ok(new Watch(month, horizon, perUnit, items));
        }

        private IReadOnlyList<Unit> UnitsOf(StaffPrincipal who)
        {
            if (chart.FindStaff(who.StaffId) is not { } member || member.UnitId != who.UnitId || member.Role != who.Role)
            {
                return [];
            }

            return who.Role == StaffRole.Supervisor ? chart.SupervisedBy(who.UnitId) : watch.WatchedUnits(who);
        }

        private Item Row(IndexValues v, string risk)
        {
            var unit = chart.FindUnit(v.UnitId);
            return new Item(
                v.CaseId, v.Kind, v.Title, v.Status, v.UnitId, unit?.Name ?? v.UnitId, unit?.NameEn ?? unit?.Name ?? v.UnitId, v.OfficerId,
                chart.FindStaff(v.OfficerId)?.Name, v.Due, risk, v.Escalation);
        }
    }
}
