namespace Petitions.Core.UseCases.Staff;

/// <summary>
/// The staff detail of docs/api.md (GET /api/staff/cases/{trackingCode}); <see cref="ETag"/> goes in the ETag header.
/// <see cref="ClosingProposedOn"/>: the system proposes closing (a first-instance decision in effect); the staff confirm with close.
/// </summary>
public sealed record CaseDetail(
    string TrackingCode,
    string Kind,
    string Title,
    string Content,
    string Status,
    CitizenDetail Citizen,
    UnitDetail Unit,
    StaffDetail? ResponsibleHead,
    StaffDetail? Officer,
    bool Complex,
    bool RemoteArea,
    IReadOnlyList<ClockDetail> Clocks,
    IReadOnlyList<TimelineEntry> Timeline,
    string ETag,
    DateOnly? ClosingProposedOn = null,
    IReadOnlyList<AttachmentDetail>? Attachments = null);

/// <summary>
/// A file attached to the case. For a denunciation, staff who may not see the denouncer see "***" for the name and
/// cannot download it (<see cref="Downloadable"/> false).
/// </summary>
public sealed record AttachmentDetail(string Id, string Name, long Size, string ContentType, DateTimeOffset AddedAt, bool Downloadable);

/// <summary>The citizen, in clear or masked.</summary>
public sealed record CitizenDetail(string Name, string Phone, string? Address, bool Masked);

/// <summary>A unit.</summary>
public sealed record UnitDetail(string Id, string Name);

/// <summary>A member of staff.</summary>
public sealed record StaffDetail(string Id, string Name, string Title);

/// <summary>A legal clock with the explanation of its due date.</summary>
public sealed record ClockDetail(string Step, DateOnly Due, int Limit, string Unit, string Source, string Status, IReadOnlyList<string> Explanation);

/// <summary>A timeline entry (actor is an opaque id: staff id, "citizen" or "system").</summary>
/// <param name="Actor">Who acted: a staff id, <c>system</c> or <c>citizen</c>.</param>
/// <param name="ActorName">The staff member's display name, or the actor itself when it is not staff.</param>
public sealed record TimelineEntry(DateTimeOffset At, string Type, string Actor, string ActorName, string Text);
