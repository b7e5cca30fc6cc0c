using System.Collections.Concurrent;
using Petitions.Core.Notifications;

namespace Petitions.Infrastructure.Notifications.Sms;

/// <summary>One message the development sink would have sent.</summary>
public sealed record OutboxEntry(string NotificationId, string ToE164, string Text, string Tag, DateTimeOffset RecordedAt);

/// <summary>What the development sink received, newest last (listed by <c>GET /dev/outbox</c>).</summary>
public sealed class DevelopmentOutbox
{
    private readonly ConcurrentDictionary<string, OutboxEntry> _entries = new(StringComparer.Ordinal);

    public IReadOnlyList<OutboxEntry> List() => [.. _entries.Values.OrderBy(e => e.RecordedAt).ThenBy(e => e.NotificationId, StringComparer.Ordinal)];

    /// <summary>Records <paramref name="entry"/>; false when that notification id is already there.</summary>
    public bool TryRecord(OutboxEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return _entries.TryAdd(entry.NotificationId, entry);
    }
}

/// <summary>
/// SMS provider for development: sends nothing, records what would have been sent, and deduplicates
/// by notification id like ACS does.
/// </summary>
[SmsProvider("Sink")]
public sealed class DevelopmentSinkChannel(DevelopmentOutbox outbox, TimeProvider clock) : SmsProviderChannel
{
    public override string Name => "sms:sink";

    public override bool DeduplicatesRetries => true;

    public override Task<SendResult> SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var providerId = "sink-" + message.NotificationId;
        var fresh = outbox.TryRecord(new OutboxEntry(message.NotificationId, message.ToE164, message.Text, message.Tag, clock.GetUtcNow()));
        return Task.FromResult(fresh ? SendResult.Accepted(providerId) : SendResult.AlreadyAccepted(providerId));
    }
}
