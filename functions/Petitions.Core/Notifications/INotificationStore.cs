namespace Petitions.Core.Notifications;

/// <summary>Where notification records live. Every update is conditional on the record's ETag.</summary>
public interface INotificationStore
{
    Task<NotificationRecord?> GetAsync(string notificationId, CancellationToken cancellationToken);

    /// <summary>Stores a new record; when one with the same id exists, returns that one unchanged (idempotent).</summary>
    Task<NotificationRecord> CreateAsync(NotificationRecord record, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the record if its stored ETag still equals <c>record.ETag</c>, and returns it with its
    /// new ETag; otherwise throws <see cref="NotificationConcurrencyException"/>. Also indexes
    /// <see cref="NotificationRecord.ProviderMessageId"/> for delivery reports.
    /// </summary>
    Task<NotificationRecord> UpdateAsync(NotificationRecord record, CancellationToken cancellationToken);

    /// <summary>The notification a provider message id belongs to, if any.</summary>
    Task<string?> FindByProviderMessageIdAsync(string providerMessageId, CancellationToken cancellationToken);
}

/// <summary>Someone else changed the record since it was read.</summary>
public sealed class NotificationConcurrencyException : Exception
{
    public NotificationConcurrencyException()
        : base("The notification record was changed by someone else.")
    {
    }

    public NotificationConcurrencyException(string message)
        : base(message)
    {
    }

    public NotificationConcurrencyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
