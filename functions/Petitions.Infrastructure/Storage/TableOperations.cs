using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;

namespace Petitions.Infrastructure.Storage;

/// <summary>
/// What our table adapters ask of Azure.Data.Tables' <see cref="TableClient"/>, with the contract the Core ports
/// rely on: rows checked against <see cref="TableLimits"/> before any request, null values left out (the service
/// stores none), a read of a missing row is null, and every refusal of the service goes through
/// <see cref="StorageFailures"/> (409 on insert → <see cref="EntityAlreadyExistsException"/>; 412, or 404 on a
/// conditional update → <see cref="ConcurrencyConflictException"/>; a refused transaction →
/// <see cref="StorageTransactionFailedException"/> with the failed action's index). Build filters with
/// <see cref="TableClient.CreateQueryFilter(FormattableString)"/>.
/// </summary>
public static class TableOperations
{
    /// <summary>Creates the table; false when it already existed.</summary>
    public static Task<bool> CreateIfMissingAsync(this TableClient table, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        return StorageFailures.Run("table create", async () =>
        {
            var response = await table.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
            return response.GetRawResponse().Status != 409;
        });
    }

    /// <summary>The row, or null when there is none.</summary>
    public static Task<TableEntity?> FindAsync(
        this TableClient table, string partitionKey, string rowKey, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        TableLimits.ValidateKey(partitionKey, nameof(partitionKey));
        TableLimits.ValidateKey(rowKey, nameof(rowKey));
        return StorageFailures.Run("entity read", async () =>
        {
            var response = await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, select, cancellationToken).ConfigureAwait(false);
            return response.HasValue ? response.Value : null;
        });
    }

    /// <summary>Inserts a new row; returns its ETag.</summary>
    /// <exception cref="EntityAlreadyExistsException">A row with these keys exists.</exception>
    public static Task<ETag> InsertAsync(this TableClient table, TableEntity entity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        var row = Stored(entity);
        return StorageFailures.Run("entity insert", async () =>
            ETagOf(await table.AddEntityAsync(row, cancellationToken).ConfigureAwait(false)));
    }

    /// <summary>Updates the row if it is still at version <paramref name="ifMatch"/>; returns the new ETag.</summary>
    /// <exception cref="ConcurrencyConflictException">The row changed since it was read, or is gone.</exception>
    public static async Task<ETag> UpdateIfMatchAsync(
        this TableClient table, TableEntity entity, ETag ifMatch, TableUpdateMode mode, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (ifMatch == default)
        {
            throw new ArgumentException("An update needs the ETag read with the row (or ETag.All to overwrite any version).", nameof(ifMatch));
        }

        var row = Stored(entity);
        try
        {
            return ETagOf(await table.UpdateEntityAsync(row, ifMatch, mode, cancellationToken).ConfigureAwait(false));
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            throw new ConcurrencyConflictException(404, e.ErrorCode, "Storage operation entity update failed: the entity no longer exists.");
        }
        catch (RequestFailedException e)
        {
            throw StorageFailures.From(e, "entity update");
        }
    }

    /// <summary>Inserts the row or overwrites it whatever its version (an upsert); returns the new ETag.</summary>
    public static Task<ETag> WriteAsync(this TableClient table, TableEntity entity, TableUpdateMode mode, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        var row = Stored(entity);
        return StorageFailures.Run("entity upsert", async () =>
            ETagOf(await table.UpsertEntityAsync(row, mode, cancellationToken).ConfigureAwait(false)));
    }

    /// <summary>Deletes the row if its version matches (default: any version); false when there was none.</summary>
    /// <exception cref="ConcurrencyConflictException">The row changed since it was read.</exception>
    public static Task<bool> RemoveAsync(
        this TableClient table, string partitionKey, string rowKey, ETag ifMatch = default, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        TableLimits.ValidateKey(partitionKey, nameof(partitionKey));
        TableLimits.ValidateKey(rowKey, nameof(rowKey));
        return StorageFailures.Run("entity delete", async () =>
        {
            try
            {
                var response = await table.DeleteEntityAsync(partitionKey, rowKey, ifMatch == default ? ETag.All : ifMatch, cancellationToken).ConfigureAwait(false);
                return response.Status != 404;
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                return false;
            }
        });
    }

    /// <summary>
    /// One page of a query, from <paramref name="continuationToken"/> (the SDK's token of the previous page). A page
    /// may be empty and still have a token: the service stops at partition boundaries and time limits.
    /// </summary>
    public static Task<TablePage> PageAsync(
        this TableClient table, string? filter, int? pageSize = null, IEnumerable<string>? select = null, string? continuationToken = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (pageSize is < 1 or > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(pageSize), pageSize, "A page holds 1 to 1,000 entities.");
        }

        var selected = select?.ToArray();
        return StorageFailures.Run("entity query", async () =>
        {
            var pages = table.QueryAsync<TableEntity>(filter, pageSize, selected, cancellationToken)
                .AsPages(string.IsNullOrEmpty(continuationToken) ? null : continuationToken, pageSize);
            await foreach (var page in pages.ConfigureAwait(false))
            {
                return new TablePage(page.Values, string.IsNullOrEmpty(page.ContinuationToken) ? null : page.ContinuationToken);
            }

            return new TablePage([], null);
        });
    }

    /// <summary>Every row matching <paramref name="filter"/>, page after page.</summary>
    public static async IAsyncEnumerable<TableEntity> RowsAsync(
        this TableClient table, string? filter, int? pageSize = null, IEnumerable<string>? select = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var selected = select?.ToArray();
        string? token = null;
        do
        {
            var page = await table.PageAsync(filter, pageSize, selected, token, cancellationToken).ConfigureAwait(false);
            foreach (var row in page.Values)
            {
                yield return row;
            }

            token = page.ContinuationToken;
        }
        while (token is not null);
    }

    /// <summary>
    /// Runs up to 100 actions on one partition as one atomic entity group transaction; returns each action's new
    /// ETag (default for deletes), in order.
    /// </summary>
    /// <exception cref="StorageTransactionFailedException">An action failed (its index is reported); nothing was written.</exception>
    public static Task<IReadOnlyList<ETag>> CommitAsync(
        this TableClient table, IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        var stored = Stored(actions);
        return StorageFailures.Run("entity transaction", async () =>
        {
            var response = await table.SubmitTransactionAsync(stored, cancellationToken).ConfigureAwait(false);
            return (IReadOnlyList<ETag>)[.. response.Value.Select(r => r.Headers.ETag ?? default)];
        });
    }

    /// <summary>The row as it is sent: checked, without null values nor the service's own properties.</summary>
    private static TableEntity Stored(TableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        TableLimits.ValidateEntity(entity);
        var row = new TableEntity(entity.PartitionKey, entity.RowKey);
        foreach (var (name, value) in entity)
        {
            if (value is not null && !TableLimits.IsSystemProperty(name))
            {
                row[name] = value;
            }
        }

        return row;
    }

    private static List<TableTransactionAction> Stored(IReadOnlyList<TableTransactionAction> actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        if (actions.Count is 0 or > TableLimits.MaxTransactionActions)
        {
            throw new ArgumentException($"A transaction holds 1 to {TableLimits.MaxTransactionActions} actions; this one has {actions.Count}.", nameof(actions));
        }

        var partitionKey = actions[0].Entity.PartitionKey;
        var rowKeys = new HashSet<string>(StringComparer.Ordinal);
        var stored = new List<TableTransactionAction>(actions.Count);
        for (var i = 0; i < actions.Count; i++)
        {
            var (type, entity, etag) = (actions[i].ActionType, actions[i].Entity, actions[i].ETag);
            if (!string.Equals(entity.PartitionKey, partitionKey, StringComparison.Ordinal))
            {
                throw new ArgumentException($"Action {i} is in another partition; a transaction works on one partition only.", nameof(actions));
            }

            if (!rowKeys.Add(entity.RowKey))
            {
                throw new ArgumentException($"Action {i} touches a row an earlier action touches; each row appears once per transaction.", nameof(actions));
            }

            if (type == TableTransactionActionType.Delete)
            {
                TableLimits.ValidateKey(entity.PartitionKey, "PartitionKey");
                TableLimits.ValidateKey(entity.RowKey, "RowKey");
                stored.Add(new TableTransactionAction(type, new TableEntity(entity.PartitionKey, entity.RowKey), etag == default ? ETag.All : etag));
            }
            else
            {
                stored.Add(new TableTransactionAction(type, Stored(entity as TableEntity ?? throw new ArgumentException($"Action {i} holds a {entity.GetType().Name}; our rows are TableEntity.", nameof(actions))), etag));
            }
        }

        return stored;
    }

    private static ETag ETagOf(Response response) => response.Headers.ETag ?? default;
}

/// <summary>One page of a query; <see cref="ContinuationToken"/> is null on the last page.</summary>
public sealed record TablePage(IReadOnlyList<TableEntity> Values, string? ContinuationToken);
