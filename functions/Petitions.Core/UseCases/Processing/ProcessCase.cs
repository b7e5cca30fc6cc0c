using System.Globalization;
using Microsoft.Extensions.Logging;
using Petitions.Core.Cases;
using Petitions.Core.LegalClock;
using Petitions.Core.Organisation;
using Petitions.Core.Ports;
using Petitions.Core.UseCases.Common;

namespace Petitions.Core.UseCases.Processing;

/// <summary>
/// Queue <c>case-intake</c>: routes a received case to its resolving unit by the competence rules, makes the unit's
/// head responsible, names the least-loaded handling officer, recomputes the clocks and records the notifications.
/// Idempotent: a routed case is left alone, and a concurrent delivery loses on the ETag and finds it routed.
/// </summary>
public static partial class ProcessCase
{
    /// <summary>The message: the case to route.</summary>
    public sealed record Command(string CaseId);

    /// <summary>What happened.</summary>
    public enum Outcome
    {
        /// <summary>Routed and assigned now.</summary>
        Routed,

        /// <summary>Already routed earlier (a redelivery).</summary>
        AlreadyRouted,

        /// <summary>No such case (the message outlived it, or was forged).</summary>
        NotFound,
    }

    /// <summary>Routes cases.</summary>
    public sealed partial class Handler(
        ICaseStore store,
        ICaseIndex index,
        CaseWriter writer,
        CaseIndexEntries entries,
        OrganisationChart chart,
        DeadlineCalculator calculator,
        TimeProvider time,
        ILogger<Handler> logger)
    {
        /// <summary>Routes the case if it is not yet routed.</summary>
        public async Task<Outcome> HandleAsync(Command command, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(command);
            for (var attempt = 0; ; attempt++)
            {
                var stored = await store.FindAsync(command.CaseId, cancellationToken).ConfigureAwait(false);
                if (stored is null)
                {
                    LogMissing(logger, command.CaseId);
                    return Outcome.NotFound;
                }

                var (@case, letter, etag) = stored;
                if (@case.UnitId is not null || @case.Status != CaseStatus.Received)
                {
                    return Outcome.AlreadyRouted;
                }

                var before = entries.For(@case, letter);
                var decision = chart.DecideCompetence(new CompetenceQuery(
                    CaseNames.Kind(@case.Kind),
                    @case.Kind == CaseKind.ComplaintSecondInstance ? 2 : 1,
                    letter.FiledUnitId,
                    letter.Concerning?.UnitId,
                    letter.Concerning?.OfficialRole == "head"));

                // Guided outside the organisation: the unit it was filed with guides the citizen.
                var unit = chart.GetUnit(decision.ResolvingUnitId ?? letter.FiledUnitId);
                var head = chart.HeadOf(unit.Id);
                var officer = await LeastLoadedOfficerAsync(unit.Id, @case.Id, cancellationToken).ConfigureAwait(false) ?? head.Id;
                var rule = $"{decision.Outcome}: {decision.Rule.Source}";
                var now = time.GetUtcNow();
                @case.Route(unit.Id, unit.RemoteArea, head.Id, officer, rule, "system", now, calculator);

                var data = new Dictionary<string, string>
                {
                    ["trackingCode"] = @case.Id,
                    ["unitId"] = unit.Id,
                    ["kind"] = CaseNames.Kind(@case.Kind),
                    ["due"] = @case.RunningClocks.Min(c => c.Due).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                };
                NotificationRequest[] notify =
                [
                    new(NotificationRequest.IdFor(@case.Id, "case.assigned", NotificationAudience.Officer, officer), @case.Id, "case.assigned", NotificationAudience.Officer, officer, data),
                    new(NotificationRequest.IdFor(@case.Id, "case.routed", NotificationAudience.Head, head.Id), @case.Id, "case.routed", NotificationAudience.Head, head.Id, data),
                ];
                var outcome = await writer.CommitAsync(@case, letter, etag, before, null, notify, cancellationToken).ConfigureAwait(false);
                if (!outcome.Conflicted)
                {
                    LogRouted(logger, @case.Id, unit.Id, decision.Outcome.ToString());
                    return Outcome.Routed;
                }

                if (attempt >= 3)
                {
                    throw new InvalidOperationException($"Case {command.CaseId} kept changing while being routed.");
                }
            }
        }

        /// <summary>The officer with the fewest open cases; ties go to a rotation seeded by the case id (stable).</summary>
        private async Task<string?> LeastLoadedOfficerAsync(string unitId, string caseId, CancellationToken cancellationToken)
        {
            var officers = chart.OfficersOf(unitId);
            if (officers.Count == 0)
            {
                return null;
            }

            var seed = caseId.Aggregate(17, (h, c) => unchecked((h * 31) + c)) & int.MaxValue;
            var loads = new List<(string Id, int Load, int Order)>();
            for (var i = 0; i < officers.Count; i++)
            {
                var partition = CaseIndexEntries.OfficerPartition(officers[i].Id);
                var load = 0;
                await foreach (var _ in index.ScanAsync(new IndexQuery(partition, partition, null, 1000, null), cancellationToken).ConfigureAwait(false))
                {
                    load++;
                }

                loads.Add((officers[i].Id, load, (i - (seed % officers.Count) + officers.Count) % officers.Count));
            }

            return loads.OrderBy(l => l.Load).ThenBy(l => l.Order).First().Id;
        }

        [LoggerMessage(Level = LogLevel.Information, Message = "Case {CaseId} routed to unit {UnitId} ({Outcome})")]
        private static partial void LogRouted(ILogger logger, string caseId, string unitId, string outcome);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Case {CaseId} to route does not exist")]
        private static partial void LogMissing(ILogger logger, string caseId);
    }
}
