using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using Petitions.Core.Ports;
using Petitions.Infrastructure.Storage;

namespace Petitions.Infrastructure.Notifications.Cases;

/// <summary>
/// The staff inbox on Table storage: table <c>Notifications</c>, partition <c>staff-&lt;staffId&gt;</c> (one partition per
/// person, so an inbox is one partition query), row = the item id (a notification id for case handling's notices; a
/// repeat finds the row and writes nothing). Reading sets <c>ReadAt</c> with the row's ETag. No personal data.
/// </summary>
public sealed class StaffInbox(TableClient table) : IStaffInbox
{
    /// <summary>Partition prefix of the inbox rows.</summary>
    public const string PartitionPrefix = "staff-";

    /// <summary>The most items one page returns.</summary>
    public const int MaxPage = 100;

    /// <inheritdoc />
    public async Task AddAsync(InboxItem item, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        try
        {
            await table.InsertAsync(RowOf(item), cancellationToken).ConfigureAwait(false);
        }
        catch (EntityAlreadyExistsException)
        {
            // Already in the inbox: a redelivery.
        }
    }

    /// <inheritdoc />
    public async Task<InboxItem?> FindAsync(string staffId, string id, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(staffId);
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        var row = await table.FindAsync(PartitionPrefix + staffId, id, cancellationToken: cancellationToken).ConfigureAwait(false);
        return row is null ? null : ItemOf(staffId, row);
    }

    /// <inheritdoc />
    public async Task<InboxPage> ListAsync(string staffId, bool unreadOnly, int take, string? continuation, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(staffId);
        take = Math.Clamp(take, 1, MaxPage);
        var all = new List<InboxItem>();
        await foreach (var row in table.RowsAsync(TableClient.CreateQueryFilter($"PartitionKey eq {PartitionPrefix + staffId}"), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            all.Add(ItemOf(staffId, row));
        }

        var ordered = all.OrderByDescending(i => i.At).ThenBy(i => i.Id, StringComparer.Ordinal).ToList();
        var unread = ordered.Count(i => !i.Read);
        IEnumerable<InboxItem> candidates = unreadOnly ? ordered.Where(i => !i.Read) : ordered;
        if (After(continuation) is { } after)
        {
            candidates = candidates.Where(i => i.At < after.At || (i.At == after.At && string.CompareOrdinal(i.Id, after.Id) > 0));
        }

        var page = candidates.Take(take + 1).ToList();
        string? next = null;
        if (page.Count > take)
        {
            page.RemoveAt(take);
            next = $"{page[^1].At.UtcTicks.ToString(CultureInfo.InvariantCulture)}.{page[^1].Id}";
        }

        return new InboxPage(page, unread, next);
    }

    /// <inheritdoc />
    public async Task<(InboxItem Item, bool FirstRead)?> MarkReadAsync(string staffId, string id, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(staffId);
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        for (var attempt = 0; ; attempt++)
        {
            var row = await table.FindAsync(PartitionPrefix + staffId, id, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (row is null)
            {
                return null;
            }

            var item = ItemOf(staffId, row);
            if (item.Read)
            {
                return (item, false);
            }

            var update = new TableEntity(row.PartitionKey, row.RowKey) { ["ReadAt"] = at };
            try
            {
                await table.UpdateIfMatchAsync(update, row.ETag, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
                return (item with { ReadAt = at }, true);
            }
            catch (ConcurrencyConflictException) when (attempt < 3)
            {
                // Read at the same moment elsewhere: read again; the other call was the first.
            }
        }
    }

    private static (DateTimeOffset At, string Id)? After(string? continuation)
    {
        if (string.IsNullOrEmpty(continuation))
        {
            return null;
        }

        var dot = continuation.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 && long.TryParse(continuation[..dot], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) && ticks is >= 0 and <= 3155378975999999999
            ? (new DateTimeOffset(ticks, TimeSpan.Zero), continuation[(dot + 1)..])
            : throw new FormatException("The continuation is not one this inbox gave.");
    }

    private static TableEntity RowOf(InboxItem item) => new(PartitionPrefix + item.StaffId, item.Id)
    {
        ["Kind"] = item.Kind,
        ["CaseId"] = item.CaseId,
        ["Template"] = item.Template,
        ["Rung"] = item.Rung,
        ["Due"] = item.Due?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["Data"] = JsonSerializer.Serialize(item.Data),
        ["At"] = item.At,
        ["ReadAt"] = item.ReadAt,
    };

    private static InboxItem ItemOf(string staffId, TableEntity row)
    {
        var template = row.GetString("Template") ?? string.Empty;
        var data = JsonSerializer.Deserialize<Dictionary<string, string>>(row.GetString("Data") ?? "{}") ?? [];
        var due = row.GetString("Due") ?? data.GetValueOrDefault("due");
        return new InboxItem(
            row.RowKey,
            staffId,
            row.GetString("Kind") ?? (template.StartsWith("escalation.", StringComparison.Ordinal) ? InboxItemKinds.Escalation : InboxItemKinds.Notice),
            row.GetString("CaseId") ?? string.Empty,
            template,
            row.GetString("Rung") ?? data.GetValueOrDefault("rung"),
            due is null ? null : DateOnly.ParseExact(due, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            row.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue,
            data,
            row.GetDateTimeOffset("ReadAt"));
    }
}
