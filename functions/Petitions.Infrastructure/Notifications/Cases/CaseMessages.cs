using System.Globalization;
using Petitions.Core.Cases;
using Petitions.Core.Notifications;
using Petitions.Core.Organisation;
using Petitions.Core.Ports;
using Petitions.Core.UseCases.Common;

namespace Petitions.Infrastructure.Notifications.Cases;

/// <summary>
/// Turns a case-handling notification request for the citizen into the catalogue's message. Denunciations always
/// take <see cref="NotificationCatalogue.RenderForDenunciation"/>: the tracking code and the lookup link, nothing else.
/// A reception offer (<c>reception.offer</c>) names the session's unit and date; its link is the short booking link
/// <c>{base}/r/{code}</c>, which redirects to the booking form at the responsible head's next session.
/// </summary>
public sealed class CaseMessages(NotificationCatalogue catalogue, OrganisationChart chart)
{
    /// <summary>Case-handling template names → catalogue events.</summary>
    public static readonly IReadOnlyDictionary<string, NotificationEvent> Events = new Dictionary<string, NotificationEvent>(StringComparer.Ordinal)
    {
        ["case.received"] = NotificationEvent.CaseReceived,
        ["case.accepted"] = NotificationEvent.CaseAccepted,
        ["case.refused"] = NotificationEvent.CaseRefused,
        ["case.forwarded"] = NotificationEvent.CaseForwarded,
        ["case.guided"] = NotificationEvent.CaseGuided,
        ["case.extended"] = NotificationEvent.DeadlineExtended,
        ["reception.appointment"] = NotificationEvent.ReceptionAppointment,
        ["reception.reminder"] = NotificationEvent.ReceptionReminder,
        ["case.resolved"] = NotificationEvent.CaseResolved,
        ["case.apology"] = NotificationEvent.ApologyLate,
        ["case.satisfaction"] = NotificationEvent.SatisfactionQuestion,
        ["reception.offer"] = NotificationEvent.ReceptionOffer,
        [Core.UseCases.Calendar.MoveDeadlinesForCalendar.CitizenTemplate] = NotificationEvent.DeadlineMoved,
    };

    /// <summary>The message for <paramref name="request"/> about <paramref name="stored"/>, or null when the template has no citizen message.</summary>
    public RenderedMessage? For(NotificationRequest request, StoredCase stored)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(stored);
        if (!Events.TryGetValue(request.Template, out var @event))
        {
            return null;
        }

        var code = stored.Case.Id;
        if (stored.Case.Kind == CaseKind.Denunciation)
        {
            // No offer is made for a denunciation (ReceptionOffers); should one be requested, nothing is said.
            return @event == NotificationEvent.ReceptionOffer ? null : catalogue.RenderForDenunciation(@event, code);
        }

        var data = request.Data;
        var unitId = data.GetValueOrDefault("unitId") ?? CaseIndexEntries.UnitOf(stored.Case, stored.Letter);
        return catalogue.Render(@event, new MessageFacts(code)
        {
            UnitName = chart.FindUnit(unitId)?.Name,
            OtherUnitName = data.GetValueOrDefault("otherUnitId") is { } other ? chart.FindUnit(other)?.Name : null,
            Reason = data.GetValueOrDefault("reason"),
            Date = Date(data.GetValueOrDefault("newDate") ?? data.GetValueOrDefault("date")),
            Time = data.GetValueOrDefault("time") is { } time ? TimeOnly.ParseExact(time, "HH:mm", CultureInfo.InvariantCulture) : null,
        });
    }

    private static DateOnly? Date(string? value) =>
        value is null ? null : DateOnly.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
