using System.Globalization;
using Petitions.Core.Notifications;
using Petitions.Core.Organisation;
using Petitions.Core.Ports;
using Petitions.Core.UseCases.Reception;

namespace Petitions.Infrastructure.Notifications.Reception;

/// <summary>
/// Reception booking requests (data <c>contact=receptionBooking</c>): the message is built from the request's data
/// alone (a booking may have no case) and goes to the booking's representative, never to a case's citizen.
/// </summary>
public sealed class ReceptionBookingMessages(OrganisationChart chart)
{
    /// <summary>The value of the request's <c>contact</c> data naming the booking as the recipient.</summary>
    public const string ContactValue = "receptionBooking";

    private static readonly Dictionary<string, NotificationEvent> Events = new Dictionary<string, NotificationEvent>(StringComparer.Ordinal)
    {
        [ReceptionNotices.Appointment] = NotificationEvent.ReceptionAppointment,
        [ReceptionNotices.Reminder] = NotificationEvent.ReceptionReminder,
        [ReceptionNotices.SessionCancelled] = NotificationEvent.ReceptionCancelled,
    };

    /// <summary>Whether the request is addressed to a booking's representative.</summary>
    public static bool IsForBooking(NotificationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Data.GetValueOrDefault("contact") == ContactValue;
    }

    /// <summary>The recipient reference of a booking request, or null when its data lack the session or code.</summary>
    public static string? RecipientOf(NotificationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Data.GetValueOrDefault("sessionId") is { Length: > 0 } session
            && request.Data.GetValueOrDefault("bookingCode") is { Length: > 0 } code
            ? ReceptionBookingRecipients.Booking(session, code)
            : null;
    }

    /// <summary>The message, or null when the template has no booking message or its data are incomplete.</summary>
    public RenderedMessage? For(NotificationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var data = request.Data;
        if (!Events.TryGetValue(request.Template, out var @event)
            || data.GetValueOrDefault("bookingCode") is not { Length: > 0 } code
            || data.GetValueOrDefault("link") is not { Length: > 0 } link
            || !DateOnly.TryParseExact(data.GetValueOrDefault("date"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            || !TimeOnly.TryParseExact(data.GetValueOrDefault("time"), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return null;
        }

        var unitId = data.GetValueOrDefault("unitId");
        var unitName = (unitId is null ? null : chart.FindUnit(unitId)?.Name) ?? data.GetValueOrDefault("unitName") ?? unitId;
        return unitName is null ? null : NotificationCatalogue.RenderReceptionBooking(@event, code, unitName, date, time, link);
    }
}
