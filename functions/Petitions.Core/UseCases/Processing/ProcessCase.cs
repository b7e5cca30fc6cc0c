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
/// A case forwarded to another unit (chuyển đơn) is received there the same way: a new reception clock from the
/// forwarding date, that unit's head responsible, its least-loaded officer named.
/// Idempotent: a routed or received case is left alone, and a concurrent delivery loses on the ETag and finds it done.
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

        /// <summary>A forwarded case was received by the unit it was forwarded to, and assigned there.</summary>
        ForwardReceived,

        /// <summary>The unit a case was forwarded to is not in the organisation (any more): it stays forwarded.</summary>
        UnknownUnit,
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
                if (@case is { Status: CaseStatus.Forwarded, PendingHandOver: { } handOver })
                {
                    var received = await ReceiveForwardedAsync(stored, handOver, cancellationToken).ConfigureAwait(false);
                    if (received is { } done)
                    {
                        return done;
                    }

                    if (attempt >= 3)
                    {
                        throw new InvalidOperationException($"Case {command.CaseId} kept changing while being received.");
                    }

                    continue;
                }

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

        /// <summary>
        /// The unit a case was forwarded to receives it and assigns it like intake routing does. Null when the case
        /// changed meanwhile (the caller reads it again).
        /// </summary>
        private async Task<Outcome?> ReceiveForwardedAsync(StoredCase stored, ForwardHandOver handOver, CancellationToken cancellationToken)
        {
            var (@case, letter, etag) = stored;
            if (chart.FindUnit(handOver.ToUnit) is not { } unit)
            {
                LogUnknownUnit(logger, @case.Id, handOver.ToUnit);
                return Outcome.UnknownUnit;
            }

            var before = entries.For(@case, letter);
            var fromUnit = CaseIndexEntries.UnitOf(@case, letter);
            var head = chart.HeadOf(unit.Id);
            var officer = await LeastLoadedOfficerAsync(unit.Id, @case.Id, cancellationToken).ConfigureAwait(false) ?? head.Id;
            @case.ReceiveForwarded(fromUnit, unit.RemoteArea, head.Id, officer, "system", time.GetUtcNow(), calculator);

            // Keyed by the new version: a case forwarded back to a unit it left notifies that unit's staff again.
            var data = new Dictionary<string, string>
            {
                ["trackingCode"] = @case.Id,
                ["unitId"] = unit.Id,
                ["fromUnitId"] = fromUnit,
                ["kind"] = CaseNames.Kind(@case.Kind),
                ["due"] = @case.RunningClocks.Min(c => c.Due).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            };
            NotificationRequest[] notify =
            [
                new(NotificationRequest.IdFor(@case.Id, $"case.assigned|{@case.Version}", NotificationAudience.Officer, officer), @case.Id, "case.assigned", NotificationAudience.Officer, officer, data),
                new(NotificationRequest.IdFor(@case.Id, $"case.forwarded|{@case.Version}", NotificationAudience.Head, head.Id), @case.Id, "case.forwarded", NotificationAudience.Head, head.Id, data),
            ];
            var outcome = await writer.CommitAsync(@case, letter, etag, before, null, notify, cancellationToken).ConfigureAwait(false);
            if (outcome.Conflicted)
            {
                return null;
            }

            LogForwardReceived(logger, @case.Id, unit.Id, fromUnit);
            return Outcome.ForwardReceived;
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

        [LoggerMessage(Level = LogLevel.Information, Message = "Case {CaseId} forwarded by unit {FromUnitId} received by unit {UnitId}")]
        private static partial void LogForwardReceived(ILogger logger, string caseId, string unitId, string fromUnitId);

        [LoggerMessage(Level = LogLevel.Error, Message = "Case {CaseId} was forwarded to unit {UnitId}, which the organisation does not have; it stays forwarded")]
        private static partial void LogUnknownUnit(ILogger logger, string caseId, string unitId);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Case {CaseId} to route does not exist")]
        private static partial void LogMissing(ILogger logger, string caseId);
    }
}
