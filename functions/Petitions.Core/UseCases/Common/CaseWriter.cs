using System.Text.Json;
using Petitions.Core.Cases;
using Petitions.Core.Ports;

namespace Petitions.Core.UseCases.Common;

/// <summary>
/// Writes a case change the way docs/case-handling.md prescribes: a delayed safety-net relay message first, then
/// case + events + outbox in one transaction guarded by the ETag, then an immediate relay message.
/// </summary>
public sealed class CaseWriter(ICaseStore store, IWorkSender queue, CaseIndexEntries index, CaseHandlingSettings settings)
{
    private readonly ICaseStore _store = store ?? throw new ArgumentNullException(nameof(store));
    private readonly IWorkSender _queue = queue ?? throw new ArgumentNullException(nameof(queue));
    private readonly CaseIndexEntries _index = index ?? throw new ArgumentNullException(nameof(index));
    private readonly CaseHandlingSettings _settings = settings ?? throw new ArgumentNullException(nameof(settings));

    /// <summary>The message a case queue carries.</summary>
    public static string MessageFor(string caseId) => JsonSerializer.Serialize(new CaseMessage(caseId), MessageJson.Options);

    /// <summary>The <c>escalations</c> message of a sweep: the case and the sweep's id.</summary>
    public static string EscalationMessageFor(string caseId, string sweep) =>
        JsonSerializer.Serialize(new CaseMessage(caseId) { Sweep = sweep }, MessageJson.Options);

    /// <summary>Reads a case queue message (with its sweep id on <c>escalations</c>); null when it is not one.</summary>
    public static CaseMessage? CaseMessageOf(string message)
    {
        try
        {
            return JsonSerializer.Deserialize<CaseMessage>(message, MessageJson.Options) is { CaseId.Length: > 0 } m ? m : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Reads a case queue message; null when it is not one.</summary>
    public static string? CaseIdOf(string message)
    {
        try
        {
            return JsonSerializer.Deserialize<CaseMessage>(message, MessageJson.Options)?.CaseId is { Length: > 0 } id ? id : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// Commits the case's uncommitted events. <paramref name="before"/> are the index rows the case had when read
    /// (empty for a new case). Returns the new ETag, or a conflict when the case changed (or exists, on create).
    /// </summary>
    public async Task<CommitOutcome> CommitAsync(
        Case @case,
        CaseLetter letter,
        string? expectedETag,
        IReadOnlyList<IndexEntry> before,
        IEnumerable<WorkItem>? work = null,
        IEnumerable<NotificationRequest>? notify = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(letter);
        ArgumentNullException.ThrowIfNull(before);
        var after = _index.For(@case, letter).Select(e => e.Key).ToHashSet();
        var stale = before.Select(e => e.Key).Where(k => !after.Contains(k)).Distinct().ToList();
        var outbox = new List<OutboxItem>();
        string NextId() => $"{@case.Version:D6}-{outbox.Count:D2}";
        outbox.Add(new OutboxItem(NextId(), Reindex: new ReindexItem(stale)));
        foreach (var item in work ?? [])
        {
            outbox.Add(new OutboxItem(NextId(), Work: item));
        }

        foreach (var item in notify ?? [])
        {
            outbox.Add(new OutboxItem(NextId(), Notify: item));
        }

        var message = MessageFor(@case.Id);
        await _queue.SendAsync(CaseQueues.Outbox, message, _settings.SafetyNetDelay, cancellationToken).ConfigureAwait(false);
        var outcome = await _store.CommitAsync(
            new CaseCommit(@case.ToSnapshot(), letter, expectedETag, [.. @case.UncommittedEvents], outbox), cancellationToken).ConfigureAwait(false);
        if (!outcome.Conflicted)
        {
            @case.MarkCommitted();
            await _queue.SendAsync(CaseQueues.Outbox, message, null, cancellationToken).ConfigureAwait(false);
        }

        return outcome;
    }
}

/// <summary>JSON of queue messages: camelCase.</summary>
internal static class MessageJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
