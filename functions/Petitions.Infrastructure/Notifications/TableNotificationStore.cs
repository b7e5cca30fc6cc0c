using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Petitions.Core.Notifications;
using Petitions.Infrastructure.Storage;

namespace Petitions.Infrastructure.Notifications;

/// <summary>
/// Notification records in Table storage. One partition per notification (row <c>record</c>), so
/// dispatch load spreads; every update is a Replace conditional on the ETag (412 →
/// <see cref="NotificationConcurrencyException"/>). Provider message ids are indexed in partitions
/// <c>pm-&lt;sha256 hex&gt;</c> (hashed: provider ids may hold characters keys cannot), written before the
/// record so a delivery report can always find a record that says Sent.
/// </summary>
public sealed class TableNotificationStore(TableClient table) : INotificationStore
{
    public const string DefaultTableName = "notifications";
    private const string RecordRow = "record";
    private const string IndexRow = "notification";

    /// <summary>Creates the table when it does not exist.</summary>
    public Task EnsureCreatedAsync(CancellationToken cancellationToken) => table.CreateIfMissingAsync(cancellationToken);

    public async Task<NotificationRecord?> GetAsync(string notificationId, CancellationToken cancellationToken)
    {
        var entity = await table.FindAsync(Key(notificationId), RecordRow, cancellationToken: cancellationToken).ConfigureAwait(false);
        return entity is null ? null : FromEntity(entity);
    }

    public async Task<NotificationRecord> CreateAsync(NotificationRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        try
        {
            var etag = await table.InsertAsync(ToEntity(record), cancellationToken).ConfigureAwait(false);
            return record with { ETag = etag.ToString() };
        }
        catch (EntityAlreadyExistsException)
        {
            return await GetAsync(record.NotificationId, cancellationToken).ConfigureAwait(false)
                ?? throw new NotificationConcurrencyException("The notification record was deleted while being created.");
        }
    }

    public async Task<NotificationRecord> UpdateAsync(NotificationRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.ETag is null)
        {
            throw new ArgumentException("An update needs the ETag the record was read with.", nameof(record));
        }

        if (record.ProviderMessageId is { } providerId)
        {
            var index = new TableEntity(IndexPartition(providerId), IndexRow) { ["NotificationId"] = record.NotificationId };
            await table.WriteAsync(index, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            var etag = await table.UpdateIfMatchAsync(ToEntity(record), new ETag(record.ETag), TableUpdateMode.Replace, cancellationToken)
                .ConfigureAwait(false);
            return record with { ETag = etag.ToString() };
        }
        catch (ConcurrencyConflictException ex)
        {
            throw new NotificationConcurrencyException("The notification record was changed by someone else.", ex);
        }
    }

    public async Task<string?> FindByProviderMessageIdAsync(string providerMessageId, CancellationToken cancellationToken)
    {
        var entity = await table.FindAsync(IndexPartition(providerMessageId), IndexRow, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        return entity?.GetString("NotificationId");
    }

    private static string Key(string notificationId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(notificationId);
        return "n-" + notificationId;
    }

    private static string IndexPartition(string providerMessageId) =>
        "pm-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(providerMessageId)));

    private static TableEntity ToEntity(NotificationRecord r)
    {
        var entity = new TableEntity(Key(r.NotificationId), RecordRow)
        {
            ["NotificationId"] = r.NotificationId,
            ["Event"] = r.Event.ToString(),
            ["TemplateKey"] = r.TemplateKey,
            ["Text"] = r.Text,
            ["TemplateData"] = JsonSerializer.Serialize(r.TemplateData),
            ["Urgency"] = r.Urgency.ToString(),
            ["DueAt"] = r.DueAt,
            ["State"] = r.State.ToString(),
            ["ChannelsTried"] = string.Join(',', r.ChannelsTried),
            ["Attempts"] = r.Attempts,
        };
        AddIfSet(entity, "ToE164", r.ToE164);
        AddIfSet(entity, "Recipient", r.Recipient);
        AddIfSet(entity, "Channel", r.Channel?.ToString());
        AddIfSet(entity, "ProviderMessageId", r.ProviderMessageId);
        AddIfSet(entity, "ChannelFirstAttemptAt", r.ChannelFirstAttemptAt);
        AddIfSet(entity, "SentAt", r.SentAt);
        AddIfSet(entity, "DeliveredAt", r.DeliveredAt);
        AddIfSet(entity, "LastError", r.LastError);
        return entity;
    }

    private static void AddIfSet(TableEntity entity, string name, object? value)
    {
        if (value is not null)
        {
            entity[name] = value;
        }
    }

    private static NotificationRecord FromEntity(TableEntity e) => new()
    {
        NotificationId = e.GetString("NotificationId")!,
        ToE164 = e.GetString("ToE164"),
        Recipient = e.GetString("Recipient"),
        Event = Enum.Parse<NotificationEvent>(e.GetString("Event")!),
        TemplateKey = e.GetString("TemplateKey")!,
        Text = e.GetString("Text")!,
        TemplateData = JsonSerializer.Deserialize<Dictionary<string, string>>(e.GetString("TemplateData") ?? "{}") ?? [],
        Urgency = Enum.Parse<NotificationUrgency>(e.GetString("Urgency")!),
        DueAt = e.GetDateTimeOffset("DueAt")!.Value,
        State = Enum.Parse<NotificationState>(e.GetString("State")!),
        Channel = e.GetString("Channel") is { } channel ? Enum.Parse<ChannelKind>(channel) : null,
        ChannelsTried = (e.GetString("ChannelsTried") ?? string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<ChannelKind>).ToList(),
        ProviderMessageId = e.GetString("ProviderMessageId"),
        Attempts = e.GetInt32("Attempts") ?? 0,
        ChannelFirstAttemptAt = e.GetDateTimeOffset("ChannelFirstAttemptAt"),
        SentAt = e.GetDateTimeOffset("SentAt"),
        DeliveredAt = e.GetDateTimeOffset("DeliveredAt"),
        LastError = e.GetString("LastError"),
        ETag = e.ETag.ToString(),
    };
}
