namespace Petitions.Core.Cases;

/// <summary>
/// The persisted state of a case: one Table entity (serialised with System.Text.Json). Events are stored as
/// their own rows; <see cref="Version"/> is the sequence of the last event, used with the ETag for concurrency.
/// <see cref="UnitId"/> and <see cref="ResponsibleHeadId"/> are set once the case is routed; <see cref="FiredRungs"/>
/// holds the keys of the escalation rungs already fired (<see cref="Escalation.EscalationPolicy.KeyOf"/>), and
/// <see cref="LastRung"/> the name of the latest one. <see cref="PendingHandOver"/> names the unit a forwarded case
/// awaits receipt by (chuyển đơn), and <see cref="ForwardedFrom"/> the units that forwarded it, oldest first.
/// <see cref="ClosingProposedOn"/> is the day the system proposed closing (a first-instance complaint decision in effect).
/// <see cref="SeenEscalations"/> holds <c>rungKey#staffId</c> for each escalation the head or a supervisor opened.
/// <see cref="Rating"/> is the citizen's rating of the answer, once given.
/// <see cref="Attachments"/> are the files attached to the case (photos, scans), with their names sealed.
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
    long Version,
    string? UnitId = null,
    string? ResponsibleHeadId = null,
    IReadOnlyList<string>? FiredRungs = null,
    string? LastRung = null,
    ForwardHandOver? PendingHandOver = null,
    IReadOnlyList<string>? ForwardedFrom = null,
    IReadOnlyList<FilingObstacle>? FilingObstacles = null,
    DateOnly? ClosingProposedOn = null,
    IReadOnlyList<string>? SeenEscalations = null,
    CaseRating? Rating = null,
    IReadOnlyList<CaseAttachment>? Attachments = null);

/// <summary>The citizen's rating of the answer (1–5, once per case) and when it was given.</summary>
public sealed record CaseRating(int Score, string? Comment, DateTimeOffset RatedAt);

/// <summary>An objective obstacle to filing a complaint, days <paramref name="From"/> to <paramref name="Until"/> included (Luật Khiếu nại 2011, Điều 9).</summary>
public sealed record FilingObstacle(DateOnly From, DateOnly Until, string Cause);

/// <summary>A forward within the organisation that the receiving unit has not yet taken in.</summary>
/// <param name="ToUnit">The competent unit the case was forwarded to.</param>
/// <param name="ForwardedOn">The legal date of the forward: the receiving unit's reception clock counts from it.</param>
public sealed record ForwardHandOver(string ToUnit, DateOnly ForwardedOn);
