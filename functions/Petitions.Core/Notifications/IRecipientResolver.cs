namespace Petitions.Core.Notifications;

/// <summary>
/// Finds a notification's number at send time from <see cref="NotificationRecord.Recipient"/>, so that no number is
/// stored in the record (for a denouncer this is the law: Luật Tố cáo 2018 Arts. 47–48). The number lives only in
/// memory for the one send.
/// </summary>
public interface IRecipientResolver
{
    /// <summary>The E.164 number, or null when the recipient has none (or it cannot be read): the notification then fails.</summary>
    Task<string?> ResolveE164Async(NotificationRecord record, CancellationToken cancellationToken);
}
