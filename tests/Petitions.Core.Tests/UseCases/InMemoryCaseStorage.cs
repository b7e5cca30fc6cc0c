using System.Globalization;
using System.Runtime.CompilerServices;
using Petitions.Core.Cases;
using Petitions.Core.Ports;

namespace Petitions.Core.Tests.UseCases;

/// <summary>
/// The case partition in memory with the Table's rules: a create fails when the case exists, an update when the ETag
/// moved on; case, events and outbox are written together or not at all. <see cref="BeforeCommit"/> lets a test run
/// a competing writer just before a commit lands.
/// </summary>
internal sealed class InMemoryCaseStore : ICaseStore
{
    private readonly Dictionary<string, Partition> _cases = new(StringComparer.Ordinal);
    private int _etags;

    public Func<Task>? BeforeCommit { get; set; }

    public Task<StoredCase?> FindAsync(string caseId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_cases.TryGetValue(caseId, out var p) ? new StoredCase(Case.Restore(p.State), p.Letter, p.ETag) : null);

    public async Task<CommitOutcome> CommitAsync(CaseCommit commit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commit);
        if (BeforeCommit is { } competitor)
        {
            BeforeCommit = null;
            await competitor().ConfigureAwait(false);
        }

        var exists = _cases.TryGetValue(commit.State.Id, out var current);
        if (commit.ExpectedETag is null ? exists : !exists || current!.ETag != commit.ExpectedETag)
        {
            return new CommitOutcome(null);
        }

        var etag = $"W/\"{Interlocked.Increment(ref _etags).ToString(CultureInfo.InvariantCulture)}\"";
        var partition = current ?? new Partition(commit.State, commit.Letter, etag);
        partition.State = commit.State;
        partition.ETag = etag;
        partition.Events.AddRange(commit.Events);
        partition.Outbox.AddRange(commit.Outbox);
        _cases[commit.State.Id] = partition;
        return new CommitOutcome(etag);
    }

    public Task<IReadOnlyList<CaseEvent>> EventsAsync(string caseId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<CaseEvent>>(_cases.TryGetValue(caseId, out var p) ? [.. p.Events] : []);

    public Task<IReadOnlyList<OutboxItem>> OutboxAsync(string caseId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<OutboxItem>>(_cases.TryGetValue(caseId, out var p) ? [.. p.Outbox] : []);

    public Task RemoveOutboxAsync(string caseId, string itemId, CancellationToken cancellationToken = default)
    {
        if (_cases.TryGetValue(caseId, out var p))
        {
            p.Outbox.RemoveAll(i => i.Id == itemId);
        }

        return Task.CompletedTask;
    }

    private sealed class Partition(CaseSnapshot state, CaseLetter letter, string etag)
    {
        public CaseSnapshot State { get; set; } = state;

        public CaseLetter Letter { get; } = letter;

        public string ETag { get; set; } = etag;

        public List<CaseEvent> Events { get; } = [];

        public List<OutboxItem> Outbox { get; } = [];
    }
}

/// <summary>The CaseIndex table in memory: partitions compared ordinally, as the Table does.</summary>
internal sealed class InMemoryCaseIndex : ICaseIndex
{
    private readonly SortedDictionary<(string Partition, string Row), IndexValues> _rows = new(Comparer<(string, string)>.Create(
        (a, b) => string.CompareOrdinal(a.Item1, b.Item1) is var c and not 0 ? c : string.CompareOrdinal(a.Item2, b.Item2)));

    public Task UpsertAsync(IReadOnlyList<IndexEntry> entries, CancellationToken cancellationToken = default)
    {
        foreach (var e in entries)
        {
            _rows[(e.Key.Partition, e.Key.Row)] = e.Values;
        }

        return Task.CompletedTask;
    }

    public Task DeleteAsync(IReadOnlyList<IndexKey> keys, CancellationToken cancellationToken = default)
    {
        foreach (var k in keys)
        {
            _rows.Remove((k.Partition, k.Row));
        }

        return Task.CompletedTask;
    }

    public Task<IndexPage> QueryAsync(IndexQuery query, CancellationToken cancellationToken = default) =>
        Task.FromResult(new IndexPage([.. Matching(query)], null));

    public async IAsyncEnumerable<IndexEntry> ScanAsync(IndexQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var e in Matching(query))
        {
            yield return e;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    private List<IndexEntry> Matching(IndexQuery q) =>
        [.. _rows
            .Where(r => string.CompareOrdinal(r.Key.Partition, q.PartitionFrom) >= 0 && string.CompareOrdinal(r.Key.Partition, q.PartitionTo) <= 0)
            .Where(r => q.UnitIds is null || q.UnitIds.Contains(r.Value.UnitId))
            .Select(r => new IndexEntry(new IndexKey(r.Key.Partition, r.Key.Row), r.Value))];
}

/// <summary>Records what was sent.</summary>
internal sealed class RecordingWorkSender : IWorkSender
{
    public List<(string Queue, string Message, TimeSpan? Delay)> Sent { get; } = [];

    public Task SendAsync(string queue, string message, TimeSpan? delay = null, CancellationToken cancellationToken = default)
    {
        Sent.Add((queue, message, delay));
        return Task.CompletedTask;
    }
}

/// <summary>Seals by tagging the value with its context (tests only: nothing is secret here).</summary>
internal sealed class TaggingProtector : ICitizenDataProtector
{
    public string Seal(string plaintext, string context) => $"sealed[{context}]:{plaintext}";

    public string Open(string sealedValue, string context)
    {
        ArgumentNullException.ThrowIfNull(sealedValue);
        var prefix = $"sealed[{context}]:";
        return sealedValue.StartsWith(prefix, StringComparison.Ordinal) ? sealedValue[prefix.Length..] : throw new InvalidOperationException("Sealed for another context.");
    }

    public string PhoneHash(string e164) => "h" + e164;

    public string KeyedHash(string purpose, string value) => $"{purpose}:{value}";
}
