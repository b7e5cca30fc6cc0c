using Petitions.Core.Cases;
using Petitions.Core.Escalation;
using Petitions.Core.Ports;
using Petitions.Core.Reception;
using Petitions.Core.UseCases.Common;

namespace Petitions.Core.UseCases.Reception;

/// <summary>
/// When a case reaches the supervising-level rung or goes overdue, the citizen is offered a place at the responsible
/// head's next session, by a notification with a booking link. One offer per case and clock step (the id is
/// derived from both), none for denunciations (the denouncer's identity is protected: Luật Tố cáo 2018, Điều 47).
/// </summary>
public sealed class ReceptionOffers(ReceptionCalendar calendar, ReceptionNotices notices)
{
    /// <summary>The rungs that trigger an offer.</summary>
    public static readonly IReadOnlySet<string> OfferingRungs = new HashSet<string>(StringComparer.Ordinal) { "supervisor", "overdue" };

    /// <summary>The offer for this rung, or null (other rung, denunciation, a case no longer open, no session ahead).</summary>
    public async Task<NotificationRequest?> OfferForAsync(Case @case, string unitId, DueRung rung, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(rung);
        // A decided case (resolved, closed) escalates only its sending or answering duties: no reception is offered for them.
        if (!OfferingRungs.Contains(rung.Rung.Rung) || @case.Kind == CaseKind.Denunciation || !@case.IsOpen)
        {
            return null;
        }

        var session = await NextSessionForAsync(@case, unitId, now, cancellationToken).ConfigureAwait(false);
        if (session is null)
        {
            return null;
        }

        var data = new Dictionary<string, string>
        {
            ["trackingCode"] = @case.Id,
            ["sessionId"] = session.Id,
            ["unitId"] = session.UnitId,
            ["date"] = session.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["time"] = session.Start.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            ["link"] = notices.BookingLink(session, @case.Id),
        };
        return new NotificationRequest(
            NotificationRequest.IdFor(@case.Id, "reception-offer/" + rung.Clock.Step, NotificationAudience.Citizen, null),
            @case.Id, ReceptionNotices.Offer, NotificationAudience.Citizen, null, data);
    }

    /// <summary>The next session of the case's responsible head (else the head of <paramref name="unitId"/>), or null.</summary>
    public Task<ReceptionOccurrence?> NextSessionForAsync(Case @case, string unitId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(@case);
        var head = @case.ResponsibleHeadId ?? calendar.Directory.Chart.HeadOf(unitId).Id;
        return calendar.NextSessionOfAsync(head, now, cancellationToken);
    }

    /// <summary>
    /// Where the short booking link of an offer (<c>/r/{code}</c>) leads: the booking form at the responsible head's next
    /// session for the case; the unit's page when no session is ahead; the bare page for an unknown case or a
    /// denunciation (no offer is made for one, and the link reveals nothing about it).
    /// </summary>
    public async Task<string> BookingPathForAsync(StoredCase? stored, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        if (stored is null || stored.Case.Kind == CaseKind.Denunciation)
        {
            return ReceptionNotices.BookingPage;
        }

        var unitId = CaseIndexEntries.UnitOf(stored.Case, stored.Letter);
        return await NextSessionForAsync(stored.Case, unitId, now, cancellationToken).ConfigureAwait(false) is { } session
            ? ReceptionNotices.BookingPath(session, stored.Case.Id)
            : ReceptionNotices.BookingPage + "?unit=" + Uri.EscapeDataString(unitId);
    }
}
