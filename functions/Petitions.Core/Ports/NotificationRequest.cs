namespace Petitions.Core.Ports;

/// <summary>Who a notification is for.</summary>
public enum NotificationAudience
{
    /// <summary>The citizen who filed (the dispatcher decrypts the phone from the case; never carried here).</summary>
    Citizen,

    /// <summary>The handling officer.</summary>
    Officer,

    /// <summary>The responsible head (người đứng đầu).</summary>
    Head,

    /// <summary>The supervising level.</summary>
    Supervisor,
}

/// <summary>
/// A request to notify someone about a case event. <see cref="NotificationId"/> is derived from the case and the
/// event, so a repeated request is recognised and ignored. <see cref="Data"/> never holds personal data: staff are
/// named by id, and the citizen's contact is read (and decrypted) by the dispatcher from the case.
/// </summary>
/// <param name="NotificationId">Deterministic id (see <see cref="IdFor"/>).</param>
/// <param name="CaseId">The case.</param>
/// <param name="Template">The event/template name, e.g. "case.received", "escalation.reminder", "case.apology".</param>
/// <param name="Audience">Who it is for.</param>
/// <param name="RecipientId">The staff id for staff audiences; null for the citizen.</param>
/// <param name="Data">Template data (dates, tracking code, unit name).</param>
public sealed record NotificationRequest(
    string NotificationId,
    string CaseId,
    string Template,
    NotificationAudience Audience,
    string? RecipientId,
    IReadOnlyDictionary<string, string> Data)
{
    /// <summary>A stable id for (case, event, audience, recipient): "N-" and 26 hex characters of a SHA-256.</summary>
    public static string IdFor(string caseId, string eventKey, NotificationAudience audience, string? recipientId)
    {
        var bytes = System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes($"{caseId}|{eventKey}|{audience}|{recipientId}"));
        return "N-" + Convert.ToHexStringLower(bytes)[..26];
    }
}

/// <summary>Records notification requests (table "Notifications", idempotent by id) and enqueues them on "notifications".</summary>
public interface INotificationRequests
{
    /// <summary>Adds the request if new, then enqueues its id (both steps safe to repeat).</summary>
    Task RequestAsync(NotificationRequest request, CancellationToken cancellationToken = default);
}
