using Petitions.Core.Citizens;

namespace Petitions.Core.Notifications;

/// <summary>Where a notification is in its life.</summary>
public enum NotificationState
{
    /// <summary>Waiting to be sent (or to be retried after a failure known not to have sent it).</summary>
    Pending,

    /// <summary>Handed to a provider; the outcome of that attempt is not known yet.</summary>
    Sending,

    /// <summary>A provider took it.</summary>
    Sent,

    /// <summary>The handset got it (delivery report).</summary>
    Delivered,

    /// <summary>Every channel failed.</summary>
    Failed,
}

/// <summary>
/// One notification to one citizen, keyed by its id. The record is the exactly-once ledger: every
/// change is written with the ETag it was read with.
/// </summary>
public sealed record NotificationRecord
{
    public required string NotificationId { get; init; }

    /// <summary>
    /// The recipient's number when the record carries it (library use, tests). Null when the number is resolved at
    /// send time from <see cref="Recipient"/> (the app: no phone number is ever stored in a notification record).
    /// </summary>
    public string? ToE164 { get; init; }

    /// <summary>
    /// Who it is for, as a reference resolved at send time by an <see cref="IRecipientResolver"/>
    /// (e.g. <c>citizen:HS-7K2Q-9MXT</c>); null when <see cref="ToE164"/> is set.
    /// </summary>
    public string? Recipient { get; init; }

    public required NotificationEvent Event { get; init; }

    public required string TemplateKey { get; init; }

    public required string Text { get; init; }

    public required IReadOnlyDictionary<string, string> TemplateData { get; init; }

    public required NotificationUrgency Urgency { get; init; }

    /// <summary>When it should go out (quiet hours are applied on top of this).</summary>
    public required DateTimeOffset DueAt { get; init; }

    public NotificationState State { get; init; } = NotificationState.Pending;

    /// <summary>The channel of the current or last attempt.</summary>
    public ChannelKind? Channel { get; init; }

    /// <summary>Channels tried so far, in order; each at most once.</summary>
    public IReadOnlyList<ChannelKind> ChannelsTried { get; init; } = [];

    public string? ProviderMessageId { get; init; }

    public int Attempts { get; init; }

    /// <summary>First attempt on <see cref="Channel"/> (kept across retries: ACS repeatabilityFirstSent).</summary>
    public DateTimeOffset? ChannelFirstAttemptAt { get; init; }

    public DateTimeOffset? SentAt { get; init; }

    public DateTimeOffset? DeliveredAt { get; init; }

    /// <summary>Provider error code or short description; never personal data.</summary>
    public string? LastError { get; init; }

    /// <summary>The store's version of the record (null before it is stored).</summary>
    public string? ETag { get; init; }

    /// <summary>A new pending notification for a recipient resolved at send time (no number in the record).</summary>
    public static NotificationRecord ForRecipient(string notificationId, string recipient, RenderedMessage message, DateTimeOffset dueAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(notificationId);
        ArgumentException.ThrowIfNullOrWhiteSpace(recipient);
        ArgumentNullException.ThrowIfNull(message);
        return new NotificationRecord
        {
            NotificationId = notificationId,
            Recipient = recipient,
            Event = message.Event,
            TemplateKey = message.TemplateKey,
            Text = message.Text,
            TemplateData = message.TemplateData,
            Urgency = message.Urgency,
            DueAt = dueAt,
        };
    }

    /// <summary>A new pending notification for <paramref name="to"/>.</summary>
    public static NotificationRecord Create(string notificationId, PhoneNumber to, RenderedMessage message, DateTimeOffset dueAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(notificationId);
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(message);
        return new NotificationRecord
        {
            NotificationId = notificationId,
            ToE164 = to.E164,
            Event = message.Event,
            TemplateKey = message.TemplateKey,
            Text = message.Text,
            TemplateData = message.TemplateData,
            Urgency = message.Urgency,
            DueAt = dueAt,
        };
    }
}
