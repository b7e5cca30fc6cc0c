namespace Petitions.Core.Cases;

/// <summary>
/// The persisted state of a case: one Table entity (serialised with System.Text.Json). Events are stored as
/// their own rows; <see cref="Version"/> is the sequence of the last event, used with the ETag for concurrency.
/// </summary>
public sealed record CaseSnapshot(
    string Id,
    CaseKind Kind,
    CaseStatus Status,
    DateOnly ReceivedOn,
    bool Complex,
    bool RemoteArea,
    string? OfficerId,
    string? DuplicateOf,
    int Extensions,
    IReadOnlyList<CaseClock> Clocks,
    long Version);
