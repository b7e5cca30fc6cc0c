using System.Globalization;
using Petitions.Core.Ports;
using Petitions.Core.Reception;

namespace Petitions.Core.UseCases.Reception;

/// <summary>
/// The notification requests of reception. Their ids are deterministic (booking code and event), so a repeated
/// request is ignored by the request store. <see cref="NotificationRequest.CaseId"/> is the case's tracking code when
/// the booking names one, else <c>reception-{code}</c>; the data say <c>contact=receptionBooking</c> with the
/// session and code, from which the dispatcher reads the phone in the booking (never carried here).
/// </summary>
public sealed class ReceptionNotices(ReceptionDirectory directory, ReceptionSettings settings)
{
    /// <summary>Template of the confirmation.</summary>
    public const string Appointment = "reception.appointment";

    /// <summary>Template of the reminder the day before.</summary>
    public const string Reminder = "reception.reminder";

    /// <summary>Template of the offer made when a case escalates.</summary>
    public const string Offer = "reception.offer";

    /// <summary>Template of the notice that staff cancelled the booked session.</summary>
    public const string SessionCancelled = "reception.cancelled";

    /// <summary>The longest link an SMS about a booking may carry (one GSM-7 segment; see the notification catalogue).</summary>
    public const int MaxSmsLinkLength = 72;

    /// <summary>The confirmation, sent at once (the dispatcher holds non-urgent messages through quiet hours).</summary>
    public NotificationRequest AppointmentFor(ReceptionBooking booking, ReceptionOccurrence session) => For(booking, session, Appointment);

    /// <summary>The reminder.</summary>
    public NotificationRequest ReminderFor(ReceptionBooking booking, ReceptionOccurrence session) => For(booking, session, Reminder);

    /// <summary>
    /// The notice that the session was cancelled (sent at once); its link is the unit's reception page, to book another
    /// session (the bare page when the unit's address would not fit the SMS).
    /// </summary>
    public NotificationRequest SessionCancelledFor(ReceptionBooking booking, ReceptionOccurrence session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var request = For(booking, session, SessionCancelled);
        var baseUrl = settings.PublicBaseUrl.TrimEnd('/') + BookingPage;
        var unitPage = baseUrl + "?unit=" + Uri.EscapeDataString(session.UnitId);
        var data = new Dictionary<string, string>(request.Data) { ["link"] = unitPage.Length <= MaxSmsLinkLength ? unitPage : baseUrl };
        return request with { Data = data };
    }

    /// <summary>The link that cancels a booking (the page asks for the phone and calls the API).</summary>
    public string CancelLink(string code) => $"{settings.PublicBaseUrl.TrimEnd('/')}/reception-cancel.html?code={Uri.EscapeDataString(code)}";

    /// <summary>The public booking page.</summary>
    public const string BookingPage = "/reception.html";

    /// <summary>The link that opens the booking form at a session for a case.</summary>
    public string BookingLink(ReceptionOccurrence session, string trackingCode) =>
        settings.PublicBaseUrl.TrimEnd('/') + BookingPath(session, trackingCode);

    /// <summary>The site-relative path of <see cref="BookingLink"/>.</summary>
    public static string BookingPath(ReceptionOccurrence session, string trackingCode)
    {
        ArgumentNullException.ThrowIfNull(session);
        return $"{BookingPage}?unit={Uri.EscapeDataString(session.UnitId)}" +
            $"&session={Uri.EscapeDataString(session.Id)}&code={Uri.EscapeDataString(trackingCode)}";
    }

    /// <summary>The case key of a booking's notifications.</summary>
    public static string CaseKey(ReceptionBooking booking)
    {
        ArgumentNullException.ThrowIfNull(booking);
        return booking.TrackingCode ?? "reception-" + booking.Code;
    }

    private NotificationRequest For(ReceptionBooking booking, ReceptionOccurrence session, string template)
    {
        ArgumentNullException.ThrowIfNull(booking);
        ArgumentNullException.ThrowIfNull(session);
        var key = CaseKey(booking);
        var data = new Dictionary<string, string>
        {
            ["contact"] = "receptionBooking",
            ["bookingCode"] = booking.Code,
            ["sessionId"] = session.Id,
            ["unitId"] = session.UnitId,
            ["unitName"] = directory.Chart.FindUnit(session.UnitId)?.Name ?? session.UnitId,
            ["date"] = session.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["time"] = (booking.SlotStart ?? session.Start).ToString("HH:mm", CultureInfo.InvariantCulture),
            ["link"] = CancelLink(booking.Code),
        };
        if (booking.TrackingCode is { } code)
        {
            data["trackingCode"] = code;
        }

        return new NotificationRequest(
            NotificationRequest.IdFor(key, $"{template}:{booking.SessionId}:{booking.Code}", NotificationAudience.Citizen, null),
            key, template, NotificationAudience.Citizen, null, data);
    }
}

/// <summary>Settings of reception: where the public pages live (links in SMS).</summary>
/// <param name="PublicBaseUrl">The public site's base URL (<c>Public:BaseUrl</c>).</param>
public sealed record ReceptionSettings(string PublicBaseUrl);
