namespace Petitions.Core.Notifications;

/// <summary>The two ways a message reaches a citizen. Each is tried at most once per notification.</summary>
public enum ChannelKind
{
    /// <summary>Zalo ZNS template message (cheaper; needs a Zalo account on the number).</summary>
    Zalo,

    /// <summary>SMS through the configured provider (ACS, an aggregator, or the development sink).</summary>
    Sms,
}

/// <summary>What a channel is asked to send.</summary>
/// <param name="NotificationId">Our id; the provider's idempotency key (ACS repeatabilityRequestId, ZNS tracking_id).</param>
/// <param name="ToE164">Recipient, E.164 (+84…).</param>
/// <param name="Text">GSM-7 text for SMS.</param>
/// <param name="TemplateKey">Template key, mapped by the ZNS channel to its template id.</param>
/// <param name="TemplateData">ZNS template parameters.</param>
/// <param name="Tag">Label echoed in delivery reports (the template key).</param>
/// <param name="FirstAttemptAt">When this channel was first tried for this notification (ACS repeatabilityFirstSent).</param>
public sealed record OutgoingMessage(
    string NotificationId,
    string ToE164,
    string Text,
    string TemplateKey,
    IReadOnlyDictionary<string, string> TemplateData,
    string Tag,
    DateTimeOffset FirstAttemptAt);

/// <summary>How a send went.</summary>
public enum SendStatus
{
    /// <summary>The provider took the message.</summary>
    Accepted,

    /// <summary>The provider had already taken this notification id (a retry it deduplicated).</summary>
    AlreadyAccepted,

    /// <summary>The number has no Zalo account (ZNS −118): fall back to SMS.</summary>
    NoZaloAccount,

    /// <summary>Not taken; trying again later may work (throttling, outage). Known not to have been sent.</summary>
    TransientFailure,

    /// <summary>Not taken and never will be over this channel (bad number, rejected template).</summary>
    PermanentFailure,
}

/// <summary>The provider's answer. <see cref="Error"/> is a code or short description, never personal data.</summary>
public sealed record SendResult(SendStatus Status, string? ProviderMessageId = null, TimeSpan? RetryAfter = null, string? Error = null)
{
    public static SendResult Accepted(string? providerMessageId) => new(SendStatus.Accepted, providerMessageId);

    public static SendResult AlreadyAccepted(string? providerMessageId) => new(SendStatus.AlreadyAccepted, providerMessageId);

    public static SendResult NoZaloAccount() => new(SendStatus.NoZaloAccount, Error: "no-zalo-account");

    public static SendResult Transient(string error, TimeSpan? retryAfter = null) => new(SendStatus.TransientFailure, RetryAfter: retryAfter, Error: error);

    public static SendResult Permanent(string error) => new(SendStatus.PermanentFailure, Error: error);
}

/// <summary>
/// A way to send one message to one citizen. Implementations throw only when the outcome is unknown
/// (timeout, connection lost after sending): the dispatcher then treats the attempt as possibly sent.
/// </summary>
public interface INotificationChannel
{
    ChannelKind Kind { get; }

    /// <summary>Name for logs and records, e.g. <c>sms:acs</c>, <c>zalo:zns</c>.</summary>
    string Name { get; }

    /// <summary>
    /// True when the provider deduplicates by <see cref="OutgoingMessage.NotificationId"/>, so an
    /// attempt whose outcome is unknown may be repeated safely (ACS repeatability, the sink).
    /// </summary>
    bool DeduplicatesRetries { get; }

    /// <summary>True when this channel has a template for <paramref name="templateKey"/>.</summary>
    bool CanSend(string templateKey);

    Task<SendResult> SendAsync(OutgoingMessage message, CancellationToken cancellationToken);
}
