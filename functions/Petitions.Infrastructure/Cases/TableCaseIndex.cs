using System.Globalization;
using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using Petitions.Core.Ports;
using Petitions.Infrastructure.Storage;

namespace Petitions.Infrastructure.Cases;

/// <summary>Table <c>CaseIndex</c>: list rows (no personal data; the phone only as its keyed hash in the partition key).</summary>
public sealed class TableCaseIndex(TableClient table) : ICaseIndex
{
    private readonly TableClient _table = table ?? throw new ArgumentNullException(nameof(table));

    /// <inheritdoc />
    public async Task UpsertAsync(IReadOnlyList<IndexEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        foreach (var entry in entries)
        {
            await _table.WriteAsync(ToEntity(entry), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async Task DeleteAsync(IReadOnlyList<IndexKey> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        foreach (var key in keys)
        {
            await _table.RemoveAsync(key.Partition, key.Row, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async Task<IndexPage> QueryAsync(IndexQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var page = await _table.PageAsync(Filter(query), query.PageSize, null, query.Continuation, cancellationToken).ConfigureAwait(false);
        return new IndexPage([.. page.Values.Select(FromEntity)], page.ContinuationToken);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<IndexEntry> ScanAsync(IndexQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await foreach (var row in _table.RowsAsync(Filter(query), query.PageSize, null, cancellationToken).ConfigureAwait(false))
        {
            yield return FromEntity(row);
        }
    }

    internal static string Filter(IndexQuery query)
    {
        var filter = query.PartitionFrom == query.PartitionTo
            ? TableClient.CreateQueryFilter($"PartitionKey eq {query.PartitionFrom}")
            : TableClient.CreateQueryFilter($"PartitionKey ge {query.PartitionFrom} and PartitionKey le {query.PartitionTo}");
        if (query.UnitIds is { Count: > 0 } units)
        {
            filter += " and (" + string.Join(" or ", units.Select(u => TableClient.CreateQueryFilter($"UnitId eq {u}"))) + ")";
        }

        return filter;
    }

    private static TableEntity ToEntity(IndexEntry entry)
    {
        var v = entry.Values;
        return new TableEntity(entry.Key.Partition, entry.Key.Row)
        {
            ["CaseId"] = v.CaseId,
            ["Kind"] = v.Kind,
            ["Title"] = v.Title,
            ["Status"] = v.Status,
            ["UnitId"] = v.UnitId,
            ["OfficerId"] = v.OfficerId,
            ["Due"] = v.Due?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Escalation"] = v.Escalation,
            ["Step"] = v.Step,
            ["NextRungOn"] = v.NextRungOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
    }

    private static IndexEntry FromEntity(TableEntity e) => new(
        new IndexKey(e.PartitionKey, e.RowKey),
        new IndexValues(
            e.GetString("CaseId") ?? e.RowKey,
            e.GetString("Kind") ?? string.Empty,
            e.GetString("Title") ?? string.Empty,
            e.GetString("Status") ?? string.Empty,
            e.GetString("UnitId") ?? string.Empty,
            e.GetString("OfficerId"),
            Date(e.GetString("Due")),
            e.GetString("Escalation"),
            e.GetString("Step"),
            Date(e.GetString("NextRungOn"))));

    private static DateOnly? Date(string? text) =>
        text is null ? null : DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
