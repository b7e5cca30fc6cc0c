using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Azure;
using Petitions.Infrastructure.Storage.Pipeline;

namespace Petitions.Infrastructure.Storage.Tables;

/// <summary>
/// An entity group transaction as the REST doc "Performing entity group transactions" specifies it:
/// a <c>multipart/mixed</c> batch holding one change set, each operation an <c>application/http</c> part.
/// The response is a multipart batch too: one part per operation on success, or one error part
/// whose message starts with the failed operation's index (<c>"1:The specified entity already exists."</c>).
/// </summary>
internal sealed partial class TableBatch
{
    private const string Crlf = "\r\n";

    public TableBatch(string tableUrl, IReadOnlyList<TableTransactionAction> actions)
    {
        var batchBoundary = "batch_" + Guid.NewGuid().ToString("D");
        var changesetBoundary = "changeset_" + Guid.NewGuid().ToString("D");
        ContentType = "multipart/mixed; boundary=" + batchBoundary;

        using var body = new MemoryStream();
        void Write(string text)
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            body.Write(bytes, 0, bytes.Length);
        }

        Write("--" + batchBoundary + Crlf);
        Write("Content-Type: multipart/mixed; boundary=" + changesetBoundary + Crlf + Crlf);
        for (var i = 0; i < actions.Count; i++)
        {
            var action = actions[i];
            var entity = action.Entity;
            var entityUrl = tableUrl + "(PartitionKey='" + TableClient.Escape(entity.PartitionKey) + "',RowKey='" + TableClient.Escape(entity.RowKey) + "')";
            var (method, url, ifMatch, hasBody) = action.ActionType switch
            {
                TableTransactionActionType.Add => ("POST", tableUrl, (string?)null, true),
                TableTransactionActionType.UpdateMerge => ("MERGE", entityUrl, IfMatch(action.IfMatch), true),
                TableTransactionActionType.UpdateReplace => ("PUT", entityUrl, IfMatch(action.IfMatch), true),
                TableTransactionActionType.UpsertMerge => ("MERGE", entityUrl, null, true),
                TableTransactionActionType.UpsertReplace => ("PUT", entityUrl, null, true),
                TableTransactionActionType.Delete => ("DELETE", entityUrl, IfMatch(action.IfMatch), false),
                _ => throw new ArgumentOutOfRangeException(nameof(actions), action.ActionType, "Unknown transaction action type."),
            };

            Write("--" + changesetBoundary + Crlf);
            Write("Content-Type: application/http" + Crlf);
            Write("Content-Transfer-Encoding: binary" + Crlf + Crlf);
            Write(method + " " + url + " HTTP/1.1" + Crlf);
            Write("Accept: application/json;odata=minimalmetadata" + Crlf);
            Write("Prefer: return-no-content" + Crlf);
            Write("DataServiceVersion: 3.0" + Crlf);
            Write("Content-ID: " + i.ToString(CultureInfo.InvariantCulture) + Crlf);
            if (ifMatch is not null)
            {
                Write("If-Match: " + ifMatch + Crlf);
            }

            if (hasBody)
            {
                var json = TableEntityJson.Serialize(entity);
                Write("Content-Type: application/json" + Crlf);
                Write("Content-Length: " + json.Length.ToString(CultureInfo.InvariantCulture) + Crlf + Crlf);
                body.Write(json, 0, json.Length);
                Write(Crlf);
            }
            else
            {
                Write(Crlf);
            }
        }

        Write("--" + changesetBoundary + "--" + Crlf);
        Write("--" + batchBoundary + "--" + Crlf);
        Body = body.ToArray();
    }

    public string ContentType { get; }

    public byte[] Body { get; }

    public static void Validate(IReadOnlyList<TableTransactionAction> actions)
    {
        if (actions.Count == 0)
        {
            throw new ArgumentException("A transaction needs at least one action.", nameof(actions));
        }

        if (actions.Count > TableLimits.MaxTransactionActions)
        {
            throw new ArgumentException($"A transaction holds at most {TableLimits.MaxTransactionActions} actions; this one has {actions.Count}.", nameof(actions));
        }

        var partitionKey = actions[0].Entity.PartitionKey;
        var rowKeys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < actions.Count; i++)
        {
            var entity = actions[i].Entity ?? throw new ArgumentException($"Action {i} has no entity.", nameof(actions));
            if (actions[i].ActionType == TableTransactionActionType.Delete)
            {
                TableLimits.ValidateKey(entity.GetString(TableEntity.PartitionKeyName), TableEntity.PartitionKeyName);
                TableLimits.ValidateKey(entity.GetString(TableEntity.RowKeyName), TableEntity.RowKeyName);
            }
            else
            {
                TableLimits.ValidateEntity(entity);
            }

            if (!string.Equals(entity.PartitionKey, partitionKey, StringComparison.Ordinal))
            {
                throw new ArgumentException($"Action {i} is in another partition; a transaction works on one partition only.", nameof(actions));
            }

            if (!rowKeys.Add(entity.RowKey))
            {
                throw new ArgumentException($"Action {i} touches an entity an earlier action already touches; each entity appears once per transaction.", nameof(actions));
            }
        }
    }

    public static StorageTransactionFailedException FailedWhole(Response response)
    {
        var inner = StorageErrors.From(response, "SubmitTransaction");
        return new StorageTransactionFailedException(inner.Status, inner.ErrorCode, FailedIndex(response.Content?.ToString()), inner.Message);
    }

    /// <summary>Reads the operation responses; throws when the change set failed.</summary>
    public static IReadOnlyList<ETag> ReadResponse(int status, string? contentType, string body, int actionCount)
    {
        var parts = OperationResponses(body);
        var failed = parts.FindIndex(p => p.Status >= 400);
        if (failed >= 0)
        {
            var part = parts[failed];
            var code = StorageErrors.BodyErrorCode(part.Body);
            var index = FailedIndex(part.Body) ?? (parts.Count == 1 && actionCount == 1 ? 0 : null);
            throw new StorageTransactionFailedException(
                part.Status,
                code,
                index,
                $"The transaction failed at action {(index is null ? "?" : index.Value.ToString(CultureInfo.InvariantCulture))} with HTTP {part.Status}{(code is null ? string.Empty : " (" + code + ")")}; nothing was written.");
        }

        if (parts.Count != actionCount)
        {
            throw new StorageRequestException(status, null, $"The transaction response has {parts.Count} parts for {actionCount} actions (content type {contentType}).");
        }

        return parts.Select(p => p.ETag).ToList();
    }

    private static string? IfMatch(ETag etag) => etag == default ? "*" : etag.ToString();

    private static List<(int Status, ETag ETag, string Body)> OperationResponses(string body)
    {
        var result = new List<(int, ETag, string)>();
        var matches = StatusLine().Matches(body);
        for (var m = 0; m < matches.Count; m++)
        {
            var start = matches[m].Index;
            var end = m + 1 < matches.Count ? matches[m + 1].Index : body.Length;
            var part = body[start..end];
            var status = int.Parse(matches[m].Groups[1].Value, CultureInfo.InvariantCulture);
            var headerEnd = part.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            var headers = headerEnd < 0 ? part : part[..headerEnd];
            var content = headerEnd < 0 ? string.Empty : part[(headerEnd + 4)..];
            var boundary = content.IndexOf("\r\n--", StringComparison.Ordinal);
            if (boundary >= 0)
            {
                content = content[..boundary];
            }

            var etag = default(ETag);
            foreach (var line in headers.Split("\r\n"))
            {
                if (line.StartsWith("ETag:", StringComparison.OrdinalIgnoreCase))
                {
                    etag = new ETag(line[5..].Trim());
                }
            }

            result.Add((status, etag, content.Trim()));
        }

        return result;
    }

    /// <summary>The index at the start of the error message value ("1:The specified entity already exists.").</summary>
    private static int? FailedIndex(string? errorBody)
    {
        if (string.IsNullOrWhiteSpace(errorBody) || !errorBody.TrimStart().StartsWith('{'))
        {
            return null;
        }

        try
        {
            using var doc = JsonDocument.Parse(errorBody);
            if (doc.RootElement.TryGetProperty("odata.error", out var error) &&
                error.TryGetProperty("message", out var message) &&
                message.TryGetProperty("value", out var value) &&
                IndexPrefix().Match(value.GetString() ?? string.Empty) is { Success: true } match)
            {
                return int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            }
        }
        catch (JsonException)
        {
            return null;
        }

        return null;
    }

    [GeneratedRegex(@"^HTTP/1\.1 (\d{3})", RegexOptions.Multiline)]
    private static partial Regex StatusLine();

    [GeneratedRegex(@"^(\d+):")]
    private static partial Regex IndexPrefix();
}
