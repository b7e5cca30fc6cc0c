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
/// as an event on the case with its notifications (officer, head, supervising level; at overdue an apology with a
/// new date for the citizen: phiếu xin lỗi), in one transaction guarded by the ETag. A redelivery finds the rungs
/// fired; after a missed week one run fires every missed rung once. At the supervisor and overdue rungs the citizen
/// is offered a place at the responsible head's next reception session (when reception is wired).
/// </summary>
public static partial class FireEscalations
{
    /// <summary>The message: the case to escalate.</summary>
    public sealed record Command(string CaseId);

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
                foreach (var rung in due)
                {
                    @case.RecordEscalation(rung, "system", now);
                    notify.AddRange(Notifications(@case, letter, rung));
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
                        LogFired(logger, @case.Id, rung.Clock.Step, rung.Rung.Rung);
                    }

                    return new Result([.. due.Select(r => $"{r.Clock.Step}/{r.Rung.Rung}")]);
                }

                if (attempt >= 3)
                {
                    throw new InvalidOperationException($"Case {command.CaseId} kept changing while escalating.");
                }
            }
        }

        private IEnumerable<NotificationRequest> Notifications(Case @case, CaseLetter letter, DueRung rung)
        {
            var unitId = CaseIndexEntries.UnitOf(@case, letter);
            var data = new Dictionary<string, string>
            {
                ["trackingCode"] = @case.Id,
                ["unitId"] = unitId,
                ["step"] = rung.Clock.Step,
                ["rung"] = rung.Rung.Rung,
                ["due"] = rung.Clock.Due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            };
            var template = "escalation." + rung.Rung.Rung;
            foreach (var audience in rung.Rung.Notify)
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
                    case EscalationAudience.Citizen:
                        // Denouncers too: the dispatcher sends them the denunciation-safe apology (code and link only).
                        var newDate = calculator.Calendar.AddWorkingDays(rung.Clock.Due, settings.ApologyNewDateWorkingDays);
                        yield return Request(
                            NotificationAudience.Citizen,
                            null,
                            "case.apology",
                            new Dictionary<string, string>(data) { ["newDate"] = newDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
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

        [LoggerMessage(Level = LogLevel.Information, Message = "Case {CaseId}: escalation {Step}/{Rung} fired")]
        private static partial void LogFired(ILogger logger, string caseId, string step, string rung);
    }
}
