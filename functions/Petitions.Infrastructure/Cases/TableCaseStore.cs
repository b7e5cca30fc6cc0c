using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Petitions.Core.Cases;
using Petitions.Core.Ports;
using Petitions.Infrastructure.Storage;

namespace Petitions.Infrastructure.Cases;

/// <summary>
/// Table <c>Cases</c>: one partition per case; RowKey <c>case</c> (state JSON + list fields, ETag-guarded),
/// <c>evt-000001</c>… (append-only events), <c>out-000001-00</c>… (outbox items until relayed). A commit writes the
/// case row, its new events and its outbox items in one entity group transaction: all of them or none.
/// </summary>
public sealed class TableCaseStore(TableClient table) : ICaseStore
{
    internal const string CaseRow = "case";
    private const string EventPrefix = "evt-";
    private const string OutboxPrefix = "out-";

    private readonly TableClient _table = table ?? throw new ArgumentNullException(nameof(table));

    /// <inheritdoc />
    public async Task<StoredCase?> FindAsync(string caseId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(caseId);
        if (!IsSafeKey(caseId))
        {
            return null;
        }

        var row = await _table.FindAsync(caseId, CaseRow, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (row is null)
        {
            return null;
        }

        var state = JsonSerializer.Deserialize<CaseSnapshot>(row.GetString("State")!, CaseJson.Options)!;
        var letter = JsonSerializer.Deserialize<StoredLetter>(row.GetString("Letter")!, CaseJson.Options)!
            .ToLetter(row.GetString("Title") ?? string.Empty, row.GetString("Content") ?? string.Empty);
        return new StoredCase(Case.Restore(state), letter, row.ETag.ToString());
    }

    /// <inheritdoc />
    public async Task<CommitOutcome> CommitAsync(CaseCommit commit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commit);
        var id = commit.State.Id;
        var caseRow = new TableEntity(id, CaseRow)
        {
            ["State"] = JsonSerializer.Serialize(commit.State, CaseJson.Options),
            ["Status"] = commit.State.Status.ToString(),
            ["Kind"] = commit.State.Kind.ToString(),
            ["UnitId"] = commit.State.UnitId ?? commit.Letter.FiledUnitId,
            ["OfficerId"] = commit.State.OfficerId,
            ["Version"] = commit.State.Version,
        };
        var actions = new List<TableTransactionAction>();
        if (commit.ExpectedETag is null)
        {
            caseRow["Letter"] = JsonSerializer.Serialize(StoredLetter.From(commit.Letter), CaseJson.Options);
            caseRow["Title"] = commit.Letter.Title;
            caseRow["Content"] = commit.Letter.Content;
            actions.Add(new(TableTransactionActionType.Add, caseRow));
        }
        else
        {
            actions.Add(new(TableTransactionActionType.UpdateMerge, caseRow, new ETag(commit.ExpectedETag)));
        }

        foreach (var e in commit.Events)
        {
            actions.Add(new(TableTransactionActionType.Add, new TableEntity(id, EventRow(e.Sequence))
            {
                ["Type"] = e.GetType().Name,
                ["At"] = e.At,
                ["Actor"] = e.Actor,
                ["Data"] = JsonSerializer.Serialize(e, CaseJson.Options),
            }));
        }

        foreach (var item in commit.Outbox)
        {
            actions.Add(new(TableTransactionActionType.Add, new TableEntity(id, OutboxPrefix + item.Id)
            {
                ["Data"] = JsonSerializer.Serialize(item, CaseJson.Options),
            }));
        }

        try
        {
            var etags = await _table.CommitAsync(actions, cancellationToken).ConfigureAwait(false);
            return new CommitOutcome(etags[0].ToString());
        }
        catch (StorageTransactionFailedException e) when (e.Status is 409 or 412 || e.ErrorCode is "EntityAlreadyExists" or "UpdateConditionNotSatisfied")
        {
            return new CommitOutcome(null);
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<CaseEvent>> EventsAsync(string caseId, CancellationToken cancellationToken = default)
    {
        var events = new List<CaseEvent>();
        await foreach (var row in RowsAsync(caseId, EventPrefix, cancellationToken).ConfigureAwait(false))
        {
            events.Add(JsonSerializer.Deserialize<CaseEvent>(row.GetString("Data")!, CaseJson.Options)!);
        }

        return events;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<OutboxItem>> OutboxAsync(string caseId, CancellationToken cancellationToken = default)
    {
        var items = new List<OutboxItem>();
        await foreach (var row in RowsAsync(caseId, OutboxPrefix, cancellationToken).ConfigureAwait(false))
        {
            items.Add(JsonSerializer.Deserialize<OutboxItem>(row.GetString("Data")!, CaseJson.Options)!);
        }

        return items;
    }

    /// <inheritdoc />
    public Task RemoveOutboxAsync(string caseId, string itemId, CancellationToken cancellationToken = default) =>
        _table.RemoveAsync(caseId, OutboxPrefix + itemId, cancellationToken: cancellationToken);

    internal static string EventRow(long sequence) => EventPrefix + sequence.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    private static bool IsSafeKey(string key) =>
        key.Length <= 64 && !key.Any(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c));

    private IAsyncEnumerable<TableEntity> RowsAsync(string caseId, string prefix, CancellationToken cancellationToken)
    {
        var upper = prefix[..^1] + (char)(prefix[^1] + 1);
        return _table.RowsAsync(
            TableClient.CreateQueryFilter($"PartitionKey eq {caseId} and RowKey ge {prefix} and RowKey lt {upper}"), cancellationToken: cancellationToken);
    }

    /// <summary>The letter as stored in the case row (title and content are separate properties: 32K-character limit).</summary>
    private sealed record StoredLetter(
        string FiledUnitId, SealedPerson Citizen, Concerning? Concerning, string Channel, string? ZaloRef,
        IReadOnlyList<SealedPerson> CoSigners, int Instance, string PhoneHash, DateTimeOffset ReceivedAt, DateOnly AcknowledgeBy)
    {
        public static StoredLetter From(CaseLetter l) =>
            new(l.FiledUnitId, l.Citizen, l.Concerning, l.Channel, l.ZaloRef, l.CoSigners, l.Instance, l.PhoneHash, l.ReceivedAt, l.AcknowledgeBy);

        public CaseLetter ToLetter(string title, string content) =>
            new(FiledUnitId, title, content, Citizen, Concerning, Channel, ZaloRef, CoSigners, Instance, PhoneHash, ReceivedAt, AcknowledgeBy);
    }
}
