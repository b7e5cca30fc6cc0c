namespace Petitions.Core.Ports;

/// <summary>The key of one index row.</summary>
public sealed record IndexKey(string Partition, string Row);

/// <summary>One index row: its key and the list fields it carries (no personal data).</summary>
public sealed record IndexEntry(IndexKey Key, IndexValues Values);

/// <summary>What a list shows of a case.</summary>
/// <param name="CaseId">Tracking code.</param>
/// <param name="Kind">API kind (complaint, denunciation, petition).</param>
/// <param name="Title">Subject.</param>
/// <param name="Status">API status (camelCase).</param>
/// <param name="UnitId">Resolving unit (or the filed unit before routing).</param>
/// <param name="OfficerId">Handling officer.</param>
/// <param name="Due">The earliest running clock's due date.</param>
/// <param name="Escalation">The latest fired rung.</param>
/// <param name="Step">For due rows: the clock's step.</param>
/// <param name="NextRungOn">For due rows: the day the next unfired rung falls due (null when all fired).</param>
public sealed record IndexValues(
    string CaseId,
    string Kind,
    string Title,
    string Status,
    string UnitId,
    string? OfficerId,
    DateOnly? Due,
    string? Escalation,
    string? Step = null,
    DateOnly? NextRungOn = null);

/// <summary>
/// A page query over index partitions whose key lies in [<see cref="PartitionFrom"/>, <see cref="PartitionTo"/>],
/// both ends included (one partition when they are equal; the sweep and the due-soon view read through their last
/// day), optionally only rows of some units.
/// </summary>
public sealed record IndexQuery(string PartitionFrom, string PartitionTo, IReadOnlyList<string>? UnitIds, int PageSize, string? Continuation);

/// <summary>A page of index rows.</summary>
public sealed record IndexPage(IReadOnlyList<IndexEntry> Items, string? Continuation);

/// <summary>The CaseIndex table, kept by the outbox relay.</summary>
public interface ICaseIndex
{
    /// <summary>Upserts rows (idempotent).</summary>
    Task UpsertAsync(IReadOnlyList<IndexEntry> entries, CancellationToken cancellationToken = default);

    /// <summary>Deletes rows (absent rows are fine).</summary>
    Task DeleteAsync(IReadOnlyList<IndexKey> keys, CancellationToken cancellationToken = default);

    /// <summary>One page of rows.</summary>
    Task<IndexPage> QueryAsync(IndexQuery query, CancellationToken cancellationToken = default);

    /// <summary>Every row in the query's range (the sweep: bounded by the cases due).</summary>
    IAsyncEnumerable<IndexEntry> ScanAsync(IndexQuery query, CancellationToken cancellationToken = default);
}
