using System.Runtime.CompilerServices;
using System.Text.Json;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Petitions.Infrastructure.Storage.Pipeline;

namespace Petitions.Infrastructure.Storage.Tables;

/// <summary>
/// One table, over the Table service REST API (OData v3 JSON) on an Azure.Core pipeline. Shaped like
/// Azure.Data.Tables' <c>TableClient</c> so that SDK can replace it; every member is virtual for mocking.
/// Each call opens one diagnostics scope (<c>TableClient.&lt;Operation&gt;</c>).
/// </summary>
public class TableClient
{
    private const string MinimalMetadata = "application/json;odata=minimalmetadata";
    private const string NoMetadata = "application/json;odata=nometadata";
    private const string JsonContentType = "application/json";

    private readonly HttpPipeline _pipeline = null!;
    private readonly StorageDiagnostics _diagnostics = null!;
    private readonly string _serviceBase = null!;

    internal TableClient(Uri serviceEndpoint, string tableName, HttpPipeline pipeline, StorageDiagnostics diagnostics)
    {
        ValidateTableName(tableName);
        _serviceBase = serviceEndpoint.AbsoluteUri.TrimEnd('/');
        Name = tableName;
        _pipeline = pipeline;
        _diagnostics = diagnostics;
    }

    /// <summary>For mocking.</summary>
    protected TableClient()
    {
        Name = string.Empty;
    }

    public virtual string Name { get; }

    /// <summary>Creates the table; returns false when it already existed.</summary>
    public virtual Task<bool> CreateIfNotExistsAsync(CancellationToken cancellationToken = default) =>
        RunAsync(nameof(CreateIfNotExistsAsync), async () =>
        {
            using var message = CreateMessage(RequestMethod.Post, "Tables", NoMetadata);
            SetJsonContent(message.Request, JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["TableName"] = Name }));
            var response = await SendAsync(message, cancellationToken).ConfigureAwait(false);
            return response.Status switch
            {
                201 or 204 => true,
                409 => false,
                _ => throw StorageErrors.From(response, "CreateTable"),
            };
        });

    /// <summary>Deletes the table; returns false when there was none.</summary>
    public virtual Task<bool> DeleteIfExistsAsync(CancellationToken cancellationToken = default) =>
        RunAsync(nameof(DeleteIfExistsAsync), async () =>
        {
            using var message = CreateMessage(RequestMethod.Delete, "Tables('" + Escape(Name) + "')", NoMetadata);
            var response = await SendAsync(message, cancellationToken).ConfigureAwait(false);
            return response.Status switch
            {
                204 => true,
                404 => false,
                _ => throw StorageErrors.From(response, "DeleteTable"),
            };
        });

    /// <summary>The entity, or null when it does not exist.</summary>
    public virtual Task<TableEntity?> GetEntityAsync(
        string partitionKey, string rowKey, IEnumerable<string>? select = null, CancellationToken cancellationToken = default) =>
        RunAsync(nameof(GetEntityAsync), async () =>
        {
            TableLimits.ValidateKey(partitionKey, nameof(partitionKey));
            TableLimits.ValidateKey(rowKey, nameof(rowKey));
            using var message = CreateMessage(RequestMethod.Get, EntityPath(partitionKey, rowKey), MinimalMetadata);
            AppendSelect(message.Request, select);
            var response = await SendAsync(message, cancellationToken).ConfigureAwait(false);
            if (response.Status == 404)
            {
                return null;
            }

            if (response.Status != 200)
            {
                throw StorageErrors.From(response, "GetEntity");
            }

            using var doc = JsonDocument.Parse(response.Content.ToMemory());
            var entity = TableEntityJson.Read(doc.RootElement);
            if (response.Headers.ETag is { } etag)
            {
                entity.ETag = etag;
            }

            return (TableEntity?)entity;
        });

    /// <summary>Inserts a new entity; returns its ETag.</summary>
    /// <exception cref="EntityAlreadyExistsException">An entity with these keys exists.</exception>
    public virtual Task<ETag> AddEntityAsync(TableEntity entity, CancellationToken cancellationToken = default) =>
        RunAsync(nameof(AddEntityAsync), async () =>
        {
            TableLimits.ValidateEntity(entity);
            using var message = CreateMessage(RequestMethod.Post, Escape(Name), MinimalMetadata);
            message.Request.Headers.SetValue("Prefer", "return-no-content");
            SetJsonContent(message.Request, TableEntityJson.Serialize(entity));
            var response = await SendAsync(message, cancellationToken).ConfigureAwait(false);
            if (response.Status is not (201 or 204))
            {
                throw StorageErrors.From(response, "InsertEntity");
            }

            return ResponseETag(response);
        });

    /// <summary>
    /// Updates an existing entity if its version is still <paramref name="ifMatch"/> (pass
    /// <see cref="ETag.All"/> to update whatever the version); returns the new ETag.
    /// </summary>
    /// <exception cref="ConcurrencyConflictException">The entity changed since it was read (or is gone: 404).</exception>
    public virtual Task<ETag> UpdateEntityAsync(
        TableEntity entity, ETag ifMatch, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default) =>
        RunAsync(nameof(UpdateEntityAsync), async () =>
        {
            if (ifMatch == default)
            {
                throw new ArgumentException("An update needs the ETag read with the entity (or ETag.All to overwrite any version).", nameof(ifMatch));
            }

            return await WriteEntityAsync(entity, ifMatch, mode, "UpdateEntity", cancellationToken).ConfigureAwait(false);
        });

    /// <summary>Inserts the entity or updates it whatever its version; returns the new ETag.</summary>
    public virtual Task<ETag> UpsertEntityAsync(
        TableEntity entity, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default) =>
        RunAsync(nameof(UpsertEntityAsync), () => WriteEntityAsync(entity, default, mode, "UpsertEntity", cancellationToken));

    /// <summary>Deletes the entity if its version matches (default: any version); returns false when it did not exist.</summary>
    /// <exception cref="ConcurrencyConflictException">The entity changed since it was read.</exception>
    public virtual Task<bool> DeleteEntityAsync(
        string partitionKey, string rowKey, ETag ifMatch = default, CancellationToken cancellationToken = default) =>
        RunAsync(nameof(DeleteEntityAsync), async () =>
        {
            TableLimits.ValidateKey(partitionKey, nameof(partitionKey));
            TableLimits.ValidateKey(rowKey, nameof(rowKey));
            using var message = CreateMessage(RequestMethod.Delete, EntityPath(partitionKey, rowKey), MinimalMetadata);
            message.Request.Headers.SetValue("If-Match", ifMatch == default ? "*" : ifMatch.ToString());
            var response = await SendAsync(message, cancellationToken).ConfigureAwait(false);
            return response.Status switch
            {
                204 => true,
                404 => false,
                _ => throw StorageErrors.From(response, "DeleteEntity"),
            };
        });

    /// <summary>
    /// All entities matching <paramref name="filter"/> (build it with <see cref="TableFilter.Create"/>),
    /// following continuation tokens across pages.
    /// </summary>
    public virtual async IAsyncEnumerable<TableEntity> QueryAsync(
        string? filter = null, int? maxPerPage = null, IEnumerable<string>? select = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var selected = select?.ToArray();
        string? token = null;
        do
        {
            var page = await QueryPageAsync(filter, maxPerPage, selected, token, cancellationToken).ConfigureAwait(false);
            foreach (var entity in page.Values)
            {
                yield return entity;
            }

            token = page.ContinuationToken;
        }
        while (token is not null);
    }

    /// <summary>
    /// One page of a query. Pass the previous page's <see cref="TablePage.ContinuationToken"/> to get the next;
    /// a page may be empty and still have a token (the service stops at partition boundaries and time limits).
    /// </summary>
    public virtual Task<TablePage> QueryPageAsync(
        string? filter, int? maxPerPage = null, IEnumerable<string>? select = null, string? continuationToken = null,
        CancellationToken cancellationToken = default) =>
        RunAsync(nameof(QueryPageAsync), async () =>
        {
            if (maxPerPage is < 1 or > 1000)
            {
                throw new ArgumentOutOfRangeException(nameof(maxPerPage), maxPerPage, "A page holds 1 to 1,000 entities.");
            }

            using var message = CreateMessage(RequestMethod.Get, Escape(Name) + "()", MinimalMetadata);
            var uri = message.Request.Uri;
            if (!string.IsNullOrEmpty(filter))
            {
                uri.AppendQuery("$filter", filter, escapeValue: true);
            }

            if (maxPerPage is { } top)
            {
                uri.AppendQuery("$top", top.ToString(System.Globalization.CultureInfo.InvariantCulture), escapeValue: false);
            }

            AppendSelect(message.Request, select);
            if (ContinuationToken.TryParse(continuationToken, out var nextPartition, out var nextRow))
            {
                uri.AppendQuery("NextPartitionKey", nextPartition, escapeValue: true);
                if (nextRow is not null)
                {
                    uri.AppendQuery("NextRowKey", nextRow, escapeValue: true);
                }
            }

            var response = await SendAsync(message, cancellationToken).ConfigureAwait(false);
            if (response.Status != 200)
            {
                throw StorageErrors.From(response, "QueryEntities");
            }

            using var doc = JsonDocument.Parse(response.Content.ToMemory());
            var values = doc.RootElement.TryGetProperty("value", out var array)
                ? array.EnumerateArray().Select(TableEntityJson.Read).ToList()
                : [];

            response.Headers.TryGetValue("x-ms-continuation-NextPartitionKey", out var npk);
            response.Headers.TryGetValue("x-ms-continuation-NextRowKey", out var nrk);
            return new TablePage(values, ContinuationToken.Format(npk, nrk));
        });

    /// <summary>
    /// Runs up to 100 actions on one partition as one atomic entity group transaction and returns the
    /// ETag of each action's result (default for deletes), in order.
    /// </summary>
    /// <exception cref="StorageTransactionFailedException">One action failed; nothing was written.</exception>
    public virtual Task<IReadOnlyList<ETag>> SubmitTransactionAsync(
        IEnumerable<TableTransactionAction> actions, CancellationToken cancellationToken = default) =>
        RunAsync(nameof(SubmitTransactionAsync), async () =>
        {
            ArgumentNullException.ThrowIfNull(actions);
            var list = actions.ToList();
            TableBatch.Validate(list);
            var batch = new TableBatch(_serviceBase + "/" + Escape(Name), list);

            using var message = CreateMessage(RequestMethod.Post, "$batch", MinimalMetadata);
            message.Request.Headers.SetValue("Content-Type", batch.ContentType);
            message.Request.Content = RequestContent.Create(batch.Body);
            var response = await SendAsync(message, cancellationToken).ConfigureAwait(false);
            if (response.Status != 202)
            {
                throw TableBatch.FailedWhole(response);
            }

            response.Headers.TryGetValue("Content-Type", out var contentType);
            return TableBatch.ReadResponse(response.Status, contentType, response.Content.ToString(), list.Count);
        });

    private async Task<ETag> WriteEntityAsync(TableEntity entity, ETag ifMatch, TableUpdateMode mode, string operation, CancellationToken cancellationToken)
    {
        TableLimits.ValidateEntity(entity);
        var method = mode == TableUpdateMode.Merge ? new RequestMethod("MERGE") : RequestMethod.Put;
        using var message = CreateMessage(method, EntityPath(entity.PartitionKey, entity.RowKey), MinimalMetadata);
        if (ifMatch != default)
        {
            message.Request.Headers.SetValue("If-Match", ifMatch.ToString());
        }

        SetJsonContent(message.Request, TableEntityJson.Serialize(entity));
        var response = await SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (response.Status != 204)
        {
            throw response.Status == 404 && ifMatch != default
                ? new ConcurrencyConflictException(404, StorageErrors.ErrorCode(response), $"Storage operation {operation} failed: the entity no longer exists.")
                : StorageErrors.From(response, operation);
        }

        return ResponseETag(response);
    }

    private HttpMessage CreateMessage(RequestMethod method, string escapedPath, string accept)
    {
        var message = _pipeline.CreateMessage();
        message.Request.Method = method;
        message.Request.Uri.Reset(new Uri(_serviceBase + "/" + escapedPath));
        message.Request.Headers.SetValue("Accept", accept);
        return message;
    }

    private async Task<Response> SendAsync(HttpMessage message, CancellationToken cancellationToken)
    {
        await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return message.Response;
    }

    private async Task<T> RunAsync<T>(string operation, Func<Task<T>> body)
    {
        using var scope = _diagnostics.CreateScope("TableClient." + operation.Replace("Async", string.Empty, StringComparison.Ordinal), "table", Name);
        try
        {
            return await body().ConfigureAwait(false);
        }
        catch (Exception e)
        {
            scope.Failed(e);
            throw;
        }
    }

    internal string EntityPath(string partitionKey, string rowKey) =>
        Escape(Name) + "(PartitionKey='" + Escape(partitionKey) + "',RowKey='" + Escape(rowKey) + "')";

    /// <summary>OData string escaping ('' for ') and then percent-encoding for the URI path.</summary>
    internal static string Escape(string value) => Uri.EscapeDataString(value.Replace("'", "''", StringComparison.Ordinal));

    private static void SetJsonContent(Request request, byte[] body)
    {
        request.Headers.SetValue("Content-Type", JsonContentType);
        request.Content = RequestContent.Create(body);
    }

    private static void AppendSelect(Request request, IEnumerable<string>? select)
    {
        if (select is not null && select.Any())
        {
            request.Uri.AppendQuery("$select", string.Join(',', select), escapeValue: true);
        }
    }

    private static ETag ResponseETag(Response response) => response.Headers.ETag ?? default;

    private static void ValidateTableName(string tableName)
    {
        if (string.IsNullOrEmpty(tableName) || tableName.Length is < 3 or > 63 || !char.IsAsciiLetter(tableName[0]) ||
            !tableName.All(char.IsAsciiLetterOrDigit))
        {
            throw new ArgumentException("A table name has 3 to 63 ASCII letters or digits and starts with a letter.", nameof(tableName));
        }
    }

    /// <summary>The continuation token: NextPartitionKey and NextRowKey joined by a space (service tokens hold no spaces).</summary>
    private static class ContinuationToken
    {
        public static string? Format(string? nextPartitionKey, string? nextRowKey) =>
            string.IsNullOrEmpty(nextPartitionKey) ? null
            : string.IsNullOrEmpty(nextRowKey) ? nextPartitionKey
            : nextPartitionKey + " " + nextRowKey;

        public static bool TryParse(string? token, out string nextPartitionKey, out string? nextRowKey)
        {
            nextPartitionKey = string.Empty;
            nextRowKey = null;
            if (string.IsNullOrEmpty(token))
            {
                return false;
            }

            var space = token.IndexOf(' ', StringComparison.Ordinal);
            nextPartitionKey = space < 0 ? token : token[..space];
            nextRowKey = space < 0 ? null : token[(space + 1)..];
            return true;
        }
    }
}
