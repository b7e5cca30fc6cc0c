using System.Globalization;

namespace Petitions.Core.Notifications;

/// <summary>
/// A complete <see cref="INotificationStore"/> held in memory, with the same ETag semantics as the
/// Table store: for the standalone development run and for tests.
/// </summary>
public sealed class InMemoryNotificationStore : INotificationStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, NotificationRecord> _records = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _byProviderMessageId = new(StringComparer.Ordinal);
    private long _version;

    public IReadOnlyList<NotificationRecord> All()
    {
        lock (_gate)
        {
            return [.. _records.Values];
        }
    }

    public Task<NotificationRecord?> GetAsync(string notificationId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_records.GetValueOrDefault(notificationId));
        }
    }

    public Task<NotificationRecord> CreateAsync(NotificationRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        lock (_gate)
        {
            if (_records.TryGetValue(record.NotificationId, out var existing))
            {
                return Task.FromResult(existing);
            }

            var stored = record with { ETag = NextETag() };
            _records[record.NotificationId] = stored;
            return Task.FromResult(stored);
        }
    }

    public Task<NotificationRecord> UpdateAsync(NotificationRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        lock (_gate)
        {
            if (!_records.TryGetValue(record.NotificationId, out var current) || current.ETag != record.ETag)
            {
                throw new NotificationConcurrencyException();
            }

            var stored = record with { ETag = NextETag() };
            _records[record.NotificationId] = stored;
            if (stored.ProviderMessageId is { } providerId)
            {
                _byProviderMessageId[providerId] = stored.NotificationId;
            }

            return Task.FromResult(stored);
        }
    }

    public Task<string?> FindByProviderMessageIdAsync(string providerMessageId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_byProviderMessageId.GetValueOrDefault(providerMessageId));
        }
    }

    private string NextETag() => "W/\"" + (++_version).ToString(CultureInfo.InvariantCulture) + "\"";
}
