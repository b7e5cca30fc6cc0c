using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using Petitions.Core.Notifications;
using Petitions.Infrastructure.Storage;

namespace Petitions.Infrastructure.Notifications.Sms;

/// <summary>One message the development sink would have sent.</summary>
public sealed record OutboxEntry(string NotificationId, string ToE164, string Text, string Tag, DateTimeOffset RecordedAt);

/// <summary>
/// What the development sink received, oldest first (listed by <c>GET /dev/outbox</c>), in this process's memory.
/// Whether a notification id was already taken is also kept durably when a table is given (the app: partition
/// <see cref="Partition"/> of the notifications table, one marker row per id), so that, like ACS with its
/// <c>repeatabilityRequestId</c>, a send repeated by the process that starts after a crash (sent, then killed before
/// the record said so) is recognised and dropped. The marker holds the id and the time only: the number and the text
/// stay in memory, so no phone number is ever at rest in the sink's storage (a denouncer's included).
/// </summary>
public sealed class DevelopmentOutbox
{
    /// <summary>Partition of the sink's marker rows in the notifications table.</summary>
    public const string Partition = "dev-sink";

    private readonly ConcurrentDictionary<string, OutboxEntry> _entries = new(StringComparer.Ordinal);
    private readonly TableClient? _table;

    /// <summary>In memory only: for tests without storage.</summary>
    public DevelopmentOutbox()
    {
    }

    /// <summary>With durable markers in <paramref name="table"/>, which must exist.</summary>
    public DevelopmentOutbox(TableClient table)
    {
        ArgumentNullException.ThrowIfNull(table);
        _table = table;
    }

    /// <summary>What this process recorded, oldest first.</summary>
    public IReadOnlyList<OutboxEntry> List() =>
        [.. _entries.Values.OrderBy(e => e.RecordedAt).ThenBy(e => e.NotificationId, StringComparer.Ordinal)];

    /// <summary>Records <paramref name="entry"/>; false when that notification id was already taken, by this process or an earlier one.</summary>
    public async Task<bool> TryRecordAsync(OutboxEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (_entries.ContainsKey(entry.NotificationId))
        {
            return false;
        }

        if (_table is not null)
        {
            var marker = new TableEntity(Partition, RowKeyOf(entry.NotificationId))
            {
                [nameof(OutboxEntry.NotificationId)] = entry.NotificationId,
                [nameof(OutboxEntry.RecordedAt)] = entry.RecordedAt,
            };
            try
            {
                await _table.InsertAsync(marker, cancellationToken).ConfigureAwait(false);
            }
            catch (EntityAlreadyExistsException)
            {
                return false;
            }
        }

        return _entries.TryAdd(entry.NotificationId, entry);
    }

    /// <summary>The id's SHA-256 in hex: any id (with characters a row key refuses) gives a valid, fixed-length key.</summary>
    private static string RowKeyOf(string notificationId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(notificationId)));
}

/// <summary>
/// SMS provider for development: sends nothing, records what would have been sent, and deduplicates
/// by notification id like ACS does with <c>repeatabilityRequestId</c> (across restarts too, see
/// <see cref="DevelopmentOutbox"/>).
/// </summary>
[SmsProvider("Sink")]
public sealed class DevelopmentSinkChannel(DevelopmentOutbox outbox, TimeProvider clock) : SmsProviderChannel
{
    public override string Name => "sms:sink";

    public override bool DeduplicatesRetries => true;

    public override async Task<SendResult> SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var providerId = "sink-" + message.NotificationId;
        var fresh = await outbox.TryRecordAsync(new OutboxEntry(message.NotificationId, message.ToE164, message.Text, message.Tag, clock.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        return fresh ? SendResult.Accepted(providerId) : SendResult.AlreadyAccepted(providerId);
    }
}
