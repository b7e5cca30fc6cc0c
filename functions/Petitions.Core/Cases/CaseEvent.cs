using System.Text.Json.Serialization;
using Petitions.Core.Escalation;

namespace Petitions.Core.Cases;

/// <summary>
/// Something that happened to a case: the legal record of who did what, when. Appended, never changed.
/// <see cref="Actor"/> is an opaque id (staff id, "citizen", "system"), never a name.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(CaseReceived), "received")]
[JsonDerivedType(typeof(CaseAccepted), "accepted")]
[JsonDerivedType(typeof(CaseForwarded), "forwarded")]
[JsonDerivedType(typeof(CitizenGuided), "guided")]
[JsonDerivedType(typeof(CaseRefused), "refused")]
[JsonDerivedType(typeof(CaseMarkedDuplicate), "duplicate")]
[JsonDerivedType(typeof(CaseAssigned), "assigned")]
[JsonDerivedType(typeof(CaseWorkStarted), "workStarted")]
[JsonDerivedType(typeof(CaseMarkedComplex), "markedComplex")]
[JsonDerivedType(typeof(CaseExtended), "extended")]
[JsonDerivedType(typeof(CaseSuspended), "suspended")]
[JsonDerivedType(typeof(CaseResumed), "resumed")]
[JsonDerivedType(typeof(CaseResolved), "resolved")]
[JsonDerivedType(typeof(CaseClosed), "closed")]
[JsonDerivedType(typeof(CaseWithdrawn), "withdrawn")]
[JsonDerivedType(typeof(CaseRouted), "routed")]
[JsonDerivedType(typeof(EscalationFired), "escalated")]
[JsonDerivedType(typeof(ReceptionMeetingRecorded), "receptionMeeting")]
[JsonDerivedType(typeof(ForwardedCaseReceived), "forwardReceived")]
[JsonDerivedType(typeof(FilingObstacleRecorded), "filingObstacle")]
[JsonDerivedType(typeof(CaseDeadlineMoved), "deadlineMoved")]
[JsonDerivedType(typeof(DecisionSent), "decisionSent")]
[JsonDerivedType(typeof(ClosingProposed), "closingProposed")]
[JsonDerivedType(typeof(DecisionChallenged), "decisionChallenged")]
[JsonDerivedType(typeof(HandlingEnded), "handlingEnded")]
[JsonDerivedType(typeof(ReceptionAnswered), "receptionAnswered")]
[JsonDerivedType(typeof(InstructionGiven), "instruction")]
[JsonDerivedType(typeof(ApologyPromised), "promised")]
[JsonDerivedType(typeof(EscalationSeen), "seen")]
[JsonDerivedType(typeof(CaseRated), "rated")]
[JsonDerivedType(typeof(AttachmentAdded), "attachmentAdded")]
public abstract record CaseEvent
{
    /// <summary>The case.</summary>
    public required string CaseId { get; init; }

    /// <summary>1 for the first event of the case, then +1 (the row key order in storage).</summary>
    public required long Sequence { get; init; }

    /// <summary>Who did it (opaque id).</summary>
    public required string Actor { get; init; }

    /// <summary>When (from the caller's TimeProvider).</summary>
    public required DateTimeOffset At { get; init; }
}

/// <summary>The letter was received (tiếp nhận).</summary>
public sealed record CaseReceived(CaseKind Kind, DateOnly ReceivedOn, bool Complex, bool RemoteArea) : CaseEvent;

/// <summary>Accepted (thụ lý).</summary>
public sealed record CaseAccepted(DateOnly AcceptedOn) : CaseEvent;

/// <summary>Forwarded to the competent unit.</summary>
public sealed record CaseForwarded(string ToUnit, string Reason) : CaseEvent;

/// <summary>
/// The unit a case was forwarded to received it as a newly received letter (chuyển đơn): its reception clock counts
/// from <paramref name="ReceivedOn"/> (the forwarding date), its head answers for it and an officer handles it.
/// </summary>
/// <param name="FromUnit">The unit that forwarded it.</param>
/// <param name="UnitId">The unit that received it (now the case's unit).</param>
/// <param name="ResponsibleHeadId">That unit's head.</param>
/// <param name="OfficerId">The handling officer named there.</param>
/// <param name="ReceivedOn">The legal date of receipt there: the date of the forward.</param>
public sealed record ForwardedCaseReceived(string FromUnit, string UnitId, string ResponsibleHeadId, string OfficerId, DateOnly ReceivedOn) : CaseEvent;

/// <summary>The citizen was guided to the competent body.</summary>
public sealed record CitizenGuided(string CompetentBody) : CaseEvent;

/// <summary>Refused, with the legal reason (e.g. "Luật Khiếu nại 2011, Điều 11, khoản 4").</summary>
public sealed record CaseRefused(string LegalReason) : CaseEvent;

/// <summary>A duplicate of another case.</summary>
public sealed record CaseMarkedDuplicate(string OfCaseId) : CaseEvent;

/// <summary>Assigned to a handling officer.</summary>
public sealed record CaseAssigned(string OfficerId) : CaseEvent;

/// <summary>Handling started.</summary>
public sealed record CaseWorkStarted : CaseEvent;

/// <summary>Marked complex (vụ việc phức tạp); running clocks with a complex variant were recomputed.</summary>
public sealed record CaseMarkedComplex(string Reason) : CaseEvent;

/// <summary>A limit was extended (denunciations, Luật Tố cáo 2018 Art. 30).</summary>
public sealed record CaseExtended(string Step, int Number, bool EspeciallyComplex, string Reason, DateOnly NewDue) : CaseEvent;

/// <summary>Suspended (tạm đình chỉ).</summary>
public sealed record CaseSuspended(DateOnly SuspendedOn, string Reason) : CaseEvent;

/// <summary>Resumed after suspension.</summary>
public sealed record CaseResumed(DateOnly ResumedOn) : CaseEvent;

/// <summary>Resolved (decision or answer issued).</summary>
public sealed record CaseResolved(DateOnly ResolvedOn, string Outcome) : CaseEvent;

/// <summary>Closed (by the staff; when the system proposed it, this is their confirmation).</summary>
public sealed record CaseClosed : CaseEvent
{
    /// <summary>Clocks still running when the case was closed, stopped by the closing (e.g. a decision not yet sent); null when none.</summary>
    public IReadOnlyList<string>? StoppedSteps { get; init; }
}

/// <summary>Withdrawn by the citizen, wholly or in part (<see cref="Part"/> says which part).</summary>
public sealed record CaseWithdrawn(bool Wholly, string? Part, string Reason) : CaseEvent;

/// <summary>Routed to the resolving unit by the competence rules: its head answers for it, an officer handles it.</summary>
public sealed record CaseRouted(string UnitId, string ResponsibleHeadId, string OfficerId, string Rule) : CaseEvent;

/// <summary>An escalation rung fired for a running clock (reminder, head, supervisor, overdue).</summary>
public sealed record EscalationFired(
    string Step, string Rung, DateOnly Due, DateOnly FiresOn, string Key, IReadOnlyList<EscalationAudience> Notified) : CaseEvent
{
    /// <summary>
    /// True when the rung was recorded on catching up after missed sweeps while a higher rung of the same clock was
    /// also due: it is on the record, in order, but nobody was messaged for it (only the highest rung is sent).
    /// </summary>
    public bool RecordedLate { get; init; }

    /// <summary>For the supervising level's rungs: whether the responsible head had opened an earlier rung of this clock.</summary>
    public bool? HeadSeen { get; init; }
}

/// <summary>
/// The responsible head or a supervisor opened an escalation of this case in their inbox for the first time: reading
/// is accountability. <paramref name="Role"/> is <c>head</c> or <c>supervisor</c>.
/// </summary>
public sealed record EscalationSeen(string Step, string Rung, string Key, string StaffId, string Role) : CaseEvent;

/// <summary>
/// The head received the citizen at a reception session (tiếp công dân) about this case: who attended, what was
/// raised, the head's direction and the follow-up date (Luật Tiếp công dân 2013, Điều 27: the reception is recorded).
/// </summary>
/// <param name="SessionId">The reception session (occurrence id).</param>
/// <param name="Attendees">Who attended, as the staff recorded them (staff ids, roles such as "citizen", "representative").</param>
/// <param name="Raised">What the citizen raised.</param>
/// <param name="Direction">The head's direction (ý kiến chỉ đạo).</param>
/// <param name="FollowUpOn">When the unit reports back, if set.</param>
public sealed record ReceptionMeetingRecorded(
    string SessionId, IReadOnlyList<string> Attendees, string Raised, string Direction, DateOnly? FollowUpOn) : CaseEvent;

/// <summary>
/// The staff recorded an objective obstacle that kept the complainant from filing, from <paramref name="From"/> to
/// <paramref name="Until"/> (both included): those days are not counted in the filing limit (thời hiệu,
/// Luật Khiếu nại 2011, Điều 9 — illness, natural disaster, enemy action, work or study far away, other objective obstacles).
/// </summary>
public sealed record FilingObstacleRecorded(DateOnly From, DateOnly Until, string Cause) : CaseEvent;

/// <summary>
/// A clock's due date moved because a year's official calendar was added or corrected: both dates, the year and
/// the reason. Nothing moves silently.
/// </summary>
public sealed record CaseDeadlineMoved(string Step, DateOnly PreviousDue, DateOnly NewDue, int Year, string Reason) : CaseEvent
{
    /// <summary>True when the date moved later (the citizen is then told).</summary>
    public bool Later => NewDue > PreviousDue;
}

/// <summary>
/// The decision was sent to the citizen and those concerned on <paramref name="SentOn"/>: the sending clock
/// <paramref name="Step"/> stops (send-decision: Luật Khiếu nại 2011, Điều 32; send-decision-second: Điều 41;
/// send-suspension: Luật Tố cáo 2018, Điều 34 khoản 4).
/// </summary>
public sealed record DecisionSent(string Step, DateOnly SentOn) : CaseEvent;

/// <summary>
/// The first-instance decision issued on <paramref name="IssuedOn"/> took legal effect on <paramref name="EffectiveOn"/>
/// with no second complaint or lawsuit recorded (Luật Khiếu nại 2011, Điều 44): the system proposes closing the case.
/// Nothing is closed until the staff confirm it (<see cref="CaseClosed"/>).
/// </summary>
public sealed record ClosingProposed(DateOnly IssuedOn, DateOnly EffectiveOn, string Source) : CaseEvent;

/// <summary>
/// The complainant lodged a second complaint (<c>second-complaint</c>) or a lawsuit (<c>lawsuit</c>) against the
/// first-instance decision on <paramref name="FiledOn"/>: the decision does not take effect by the lapse of time
/// (Luật Khiếu nại 2011, Điều 44), so its effect clock stops and no closing is proposed.
/// </summary>
public sealed record DecisionChallenged(string How, DateOnly FiledOn, string Note) : CaseEvent;

/// <summary>
/// The resolution of a denunciation was ended (đình chỉ) by a decision of <paramref name="DecidedOn"/>
/// (Luật Tố cáo 2018, Điều 34 khoản 3): handling clocks stop; the decision is to be sent within the send-suspension limit.
/// </summary>
public sealed record HandlingEnded(DateOnly DecidedOn, string Reason) : CaseEvent;

/// <summary>
/// The unit gave its first answer to what the citizen raised at a reception session (directly or in writing,
/// Luật Tiếp công dân 2013, Điều 28 khoản 1): the reception-answer clock stops.
/// </summary>
public sealed record ReceptionAnswered(DateOnly AnsweredOn, string Summary) : CaseEvent;

/// <summary>
/// A head of a level above the case's unit (the supervising unit's or the parent's) gave an instruction (chỉ đạo) on the
/// case from the watch: <paramref name="FromUnit"/> is their unit, <paramref name="Text"/> what they directed.
/// The instruction directs; it changes no state and no clock.
/// </summary>
public sealed record InstructionGiven(string FromUnit, string Text) : CaseEvent;

/// <summary>
/// The citizen was sent an apology (phiếu xin lỗi) for the missed due date <paramref name="MissedDue"/> of
/// <paramref name="MissedStep"/>, promising an answer by <paramref name="PromisedOn"/>: the <c>promised</c> clock starts,
/// counted from the later of the missed date and the day the apology is sent, so a late sweep never promises a day
/// already past. <paramref name="Number"/> is 1 for the first apology of the case, 2 when a promise slipped, and so on.
/// </summary>
public sealed record ApologyPromised(string MissedStep, DateOnly MissedDue, DateOnly PromisedOn, int Number) : CaseEvent;

/// <summary>
/// The citizen rated the answer from 1 to 5, once per case, after verifying the tracking code and the phone the letter
/// was filed with. <paramref name="Comment"/> is the citizen's own text (optional): like the letter, it stays in the case
/// partition and is never logged, exported or shown in a report.
/// </summary>
public sealed record CaseRated(int Score, string? Comment) : CaseEvent;

/// <summary>
/// A file (photo or scan: JPEG, PNG or PDF) was attached to the case, by the citizen at filing or by the staff. Its
/// name is not in the event (it may name people): the case's attachment list holds it sealed.
/// </summary>
/// <param name="AttachmentId">The attachment (and its blob's name).</param>
/// <param name="Size">Its size in bytes, as stored.</param>
/// <param name="ContentType">image/jpeg, image/png or application/pdf, as recognised from its content.</param>
public sealed record AttachmentAdded(string AttachmentId, long Size, string ContentType) : CaseEvent;
