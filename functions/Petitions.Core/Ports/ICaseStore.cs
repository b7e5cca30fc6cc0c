using Petitions.Core.Cases;

namespace Petitions.Core.Ports;

/// <summary>A case as stored: its state, its letter and the ETag guarding the next update.</summary>
public sealed record StoredCase(Case Case, CaseLetter Letter, string ETag);

/// <summary>
/// One atomic write of a case partition: the case row (created when <see cref="ExpectedETag"/> is null, else updated
/// if still at that ETag), its new events and its outbox items.
/// </summary>
public sealed record CaseCommit(
    CaseSnapshot State,
    CaseLetter Letter,
    string? ExpectedETag,
    IReadOnlyList<CaseEvent> Events,
    IReadOnlyList<OutboxItem> Outbox);

/// <summary>The outcome of a commit: the new ETag, or a conflict (case changed, or already exists on create).</summary>
public sealed record CommitOutcome(string? ETag)
{
    /// <summary>True when nothing was written because the case changed (or existed).</summary>
    public bool Conflicted => ETag is null;
}

/// <summary>The Cases table: one partition per case (case row, append-only events, outbox).</summary>
public interface ICaseStore
{
    /// <summary>The case, or null.</summary>
    Task<StoredCase?> FindAsync(string caseId, CancellationToken cancellationToken = default);

    /// <summary>Writes case + events + outbox in one entity group transaction.</summary>
    Task<CommitOutcome> CommitAsync(CaseCommit commit, CancellationToken cancellationToken = default);

    /// <summary>The case's events in order.</summary>
    Task<IReadOnlyList<CaseEvent>> EventsAsync(string caseId, CancellationToken cancellationToken = default);

    /// <summary>The outbox items not yet applied, in order.</summary>
    Task<IReadOnlyList<OutboxItem>> OutboxAsync(string caseId, CancellationToken cancellationToken = default);

    /// <summary>Removes an applied outbox item (no error when already gone).</summary>
    Task RemoveOutboxAsync(string caseId, string itemId, CancellationToken cancellationToken = default);
}
