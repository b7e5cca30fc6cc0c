using Petitions.Core.Calendar;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Petitions.Core.Cases;
using Petitions.Core.Escalation;
using Petitions.Core.LegalClock;
using Petitions.Core.Organisation;
using Petitions.Core.Ports;
using Petitions.Core.UseCases.Common;

namespace Petitions.Core.UseCases.Escalations;

/// <summary>
/// Queue <c>escalations</c>: fires every rung of the case that is due now and not yet fired, in order, each recorded
/// as an event on the case, in one transaction guarded by the ETag. A redelivery finds the rungs fired. After missed
/// sweeps one run records every missed rung once, in order, but only the highest rung now due of each clock is
/// <em>sent</em> (at overdue with an apology for the citizen), to everyone the missed rungs would have told too
/// (officer, head, supervising level): the lower ones are marked recorded late, so a catch-up is not a flood of stale
/// messages and nobody responsible is left out. The apology promises a date counted from the later
/// of the missed due date and today, and the promise becomes the <c>promised</c> clock (at most one apology per run).
/// At the supervisor and overdue rungs the citizen is offered a place at the responsible head's next reception session
/// (when reception is wired).
/// </summary>
public static partial class FireEscalations
{
    /// <summary>The message: the case to escalate, and the sweep that enqueued it (for the staff digest), if any.</summary>
    public sealed record Command(string CaseId, string? Sweep = null);

    /// <summary>The rungs fired now (empty on a redelivery).</summary>
    public sealed record Result(IReadOnlyList<string> Fired);

    /// <summary>Fires rungs.</summary>
    public sealed partial class Handler(
        ICaseStore store,
        CaseWriter writer,
        CaseIndexEntries entries,
        EscalationPolicy policy,
        OrganisationChart chart,
        DeadlineCalculator calculator,
        CaseHandlingSettings settings,
        TimeProvider time,
        ILogger<Handler> logger,
        Reception.ReceptionOffers? receptionOffers = null)
    {
        /// <summary>Fires the due rungs of the case.</summary>
        public async Task<Result> HandleAsync(Command command, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(command);
            for (var attempt = 0; ; attempt++)
            {
                var stored = await store.FindAsync(command.CaseId, cancellationToken).ConfigureAwait(false);
                // Resolved and closed cases too: a decision still to be sent, or one not yet in effect, is a running clock.
                if (stored is null || !stored.Case.RunningClocks.Any())
                {
                    return new Result([]);
                }

                var (@case, letter, etag) = stored;
                var now = time.GetUtcNow();
                var due = policy.DueRungs(WatchedClock.Of(@case), @case.FiredRungs, now);
                if (due.Count == 0)
                {
                    return new Result([]);
                }

                var before = entries.For(@case, letter);
                var notify = new List<NotificationRequest>();
                // Per clock, the highest rung due is sent, to everyone the missed lower rungs would have told (not the
                // citizen, whom only an apology rung addresses): one current message instead of a stale series.
                var highest = due.GroupBy(r => (r.Clock.Kind, r.Clock.Step, r.Clock.Due)).ToDictionary(
                    g => g.Last().Key,
                    g => (IReadOnlyList<EscalationAudience>)[.. g.Last().Rung.Notify.Union(g.SelectMany(r => r.Rung.Notify).Where(a => a != EscalationAudience.Citizen))],
                    StringComparer.Ordinal);
                ApologyPromised? promise = null;
                foreach (var rung in due)
                {
                    var sent = highest.TryGetValue(rung.Key, out var audiences);
                    var headSeen = rung.Rung.Notify.Contains(EscalationAudience.SupervisingLevel) && ResponsibleHead(@case, letter) is { } head
                        ? @case.HasSeenEscalationOf(rung.Key, head)
                        : (bool?)null;
                    @case.RecordEscalation(rung, "system", now, recordedLate: !sent, headSeen: headSeen);
                    if (!sent)
                    {
                        continue;
                    }

                    var apologise = promise is null && rung.Rung.Notify.Contains(EscalationAudience.Citizen);
                    if (apologise)
                    {
                        promise = @case.Promise(rung.Clock.Step, rung.Clock.Due, settings.ApologyNewDateWorkingDays, "system", now, calculator);
                    }

                    notify.AddRange(Notifications(@case, letter, rung, audiences!, command.Sweep, headSeen, apologise ? promise : null));
                    if (receptionOffers is not null &&
                        await receptionOffers.OfferForAsync(@case, CaseIndexEntries.UnitOf(@case, letter), rung, now, cancellationToken).ConfigureAwait(false) is { } offer &&
                        notify.TrueForAll(n => n.NotificationId != offer.NotificationId))
                    {
                        notify.Add(offer);
                    }
                }

                var outcome = await writer.CommitAsync(@case, letter, etag, before, null, notify, cancellationToken).ConfigureAwait(false);
                if (!outcome.Conflicted)
                {
                    foreach (var rung in due)
                    {
                        LogFired(logger, @case.Id, rung.Clock.Step, rung.Rung.Rung, highest.ContainsKey(rung.Key));
                    }

                    return new Result([.. due.Select(r => $"{r.Clock.Step}/{r.Rung.Rung}")]);
                }

                if (attempt >= 3)
                {
                    throw new InvalidOperationException($"Case {command.CaseId} kept changing while escalating.");
                }
            }
        }

        private string? ResponsibleHead(Case @case, CaseLetter letter) =>
            @case.ResponsibleHeadId ?? chart.FindUnit(CaseIndexEntries.UnitOf(@case, letter)) switch
            {
                { } unit => chart.HeadOf(unit.Id).Id,
                null => null,
            };

        private IEnumerable<NotificationRequest> Notifications(Case @case, CaseLetter letter, DueRung rung, IReadOnlyList<EscalationAudience> audiences, string? sweep, bool? headSeen, ApologyPromised? promise)
        {
            var unitId = CaseIndexEntries.UnitOf(@case, letter);
            var data = new Dictionary<string, string>
            {
                ["trackingCode"] = @case.Id,
                ["unitId"] = unitId,
                ["step"] = rung.Clock.Step,
                ["rung"] = rung.Rung.Rung,
                ["due"] = rung.Clock.Due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["key"] = rung.Key,
            };
            if (sweep is not null)
            {
                data["sweep"] = sweep;
            }

            if (headSeen is { } seen)
            {
                data["headSeen"] = seen ? "true" : "false";
            }

            if (@case.Clocks.Count(c => c.Step == CaseKindSteps.PromisedStep) is > 0 and var apologies && rung.Clock.Step == CaseKindSteps.PromisedStep)
            {
                data["apology"] = apologies.ToString(CultureInfo.InvariantCulture);
            }

            var template = "escalation." + rung.Rung.Rung;
            foreach (var audience in audiences)
            {
                switch (audience)
                {
                    case EscalationAudience.HandlingOfficer when @case.OfficerId is { } officer:
                        yield return Request(NotificationAudience.Officer, officer, template, data);
                        break;
                    case EscalationAudience.UnitHead:
                        yield return Request(NotificationAudience.Head, @case.ResponsibleHeadId ?? chart.HeadOf(unitId).Id, template, data);
                        break;
                    case EscalationAudience.SupervisingLevel:
                        foreach (var supervisor in Supervisors(unitId))
                        {
                            yield return Request(NotificationAudience.Supervisor, supervisor, template, data);
                        }

                        break;
                    case EscalationAudience.Citizen when promise is not null:
                        // Denouncers too: the dispatcher sends them the denunciation-safe apology (code and link only).
                        yield return Request(
                            NotificationAudience.Citizen,
                            null,
                            "case.apology",
                            new Dictionary<string, string>(data)
                            {
                                ["newDate"] = promise.PromisedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                                ["apology"] = promise.Number.ToString(CultureInfo.InvariantCulture),
                            });
                        break;
                }
            }

            NotificationRequest Request(NotificationAudience audience, string? recipient, string name, IReadOnlyDictionary<string, string> values) =>
                new(NotificationRequest.IdFor(@case.Id, rung.Key, audience, recipient), @case.Id, name, audience, recipient, values);
        }

        /// <summary>The supervising unit's supervisors, or its head when it has none.</summary>
        private List<string> Supervisors(string unitId)
        {
            var supervising = chart.SupervisorOf(unitId);
            if (supervising is null)
            {
                return [];
            }

            var supervisors = chart.StaffOf(supervising.Id).Where(s => s.Role == StaffRole.Supervisor).Select(s => s.Id).ToList();
            return supervisors.Count > 0 ? supervisors : [chart.HeadOf(supervising.Id).Id];
        }

        [LoggerMessage(Level = LogLevel.Information, Message = "Case {CaseId}: escalation {Step}/{Rung} fired (sent: {Sent})")]
        private static partial void LogFired(ILogger logger, string caseId, string step, string rung, bool sent);
    }
}
