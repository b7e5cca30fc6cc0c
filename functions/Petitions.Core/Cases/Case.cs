using Petitions.Core.Escalation;
using Petitions.Core.LegalClock;

namespace Petitions.Core.Cases;

/// <summary>
/// A citizen's letter and its handling: the aggregate that guards every state transition, keeps the legal clocks
/// and emits an event (actor, time) for each change. Time always enters as a parameter; the case never reads a clock.
/// </summary>
public sealed partial class Case
{
    private static readonly CaseStatus[] Open =
        [CaseStatus.Received, CaseStatus.Accepted, CaseStatus.Assigned, CaseStatus.InProgress, CaseStatus.Suspended];

    private readonly List<CaseClock> _clocks;
    private readonly HashSet<string> _firedRungs;
    private readonly List<CaseEvent> _uncommitted = [];
    private readonly List<string> _forwardedFrom;
    private readonly List<FilingObstacle> _obstacles;
    private readonly HashSet<string> _seen;
    private readonly List<CaseAttachment> _attachments;

    private Case(CaseSnapshot snapshot)
    {
        Id = snapshot.Id;
        Kind = snapshot.Kind;
        Status = snapshot.Status;
        ReceivedOn = snapshot.ReceivedOn;
        Complex = snapshot.Complex;
        RemoteArea = snapshot.RemoteArea;
        OfficerId = snapshot.OfficerId;
        DuplicateOf = snapshot.DuplicateOf;
        Extensions = snapshot.Extensions;
        Version = snapshot.Version;
        UnitId = snapshot.UnitId;
        ResponsibleHeadId = snapshot.ResponsibleHeadId;
        LastRung = snapshot.LastRung;
        _clocks = [.. snapshot.Clocks];
        _firedRungs = new HashSet<string>(snapshot.FiredRungs ?? [], StringComparer.Ordinal);
        PendingHandOver = snapshot.PendingHandOver;
        _forwardedFrom = [.. snapshot.ForwardedFrom ?? []];
        _obstacles = [.. snapshot.FilingObstacles ?? []];
        ClosingProposedOn = snapshot.ClosingProposedOn;
        _seen = new HashSet<string>(snapshot.SeenEscalations ?? [], StringComparer.Ordinal);
        Rating = snapshot.Rating;
        _attachments = [.. snapshot.Attachments ?? []];
    }

    /// <summary>The case id (tracking code or internal id; safe as a Table key).</summary>
    public string Id { get; }

    /// <summary>The legal kind.</summary>
    public CaseKind Kind { get; }

    /// <summary>Where it stands.</summary>
    public CaseStatus Status { get; private set; }

    /// <summary>The legal date of receipt.</summary>
    public DateOnly ReceivedOn { get; }

    /// <summary>Complex case (vụ việc phức tạp): longer limits where the law gives them.</summary>
    public bool Complex { get; private set; }

    /// <summary>The resolving unit is in a remote area (vùng sâu, vùng xa).</summary>
    public bool RemoteArea { get; private set; }

    /// <summary>The resolving unit, once the case is routed.</summary>
    public string? UnitId { get; private set; }

    /// <summary>The head of the resolving unit (người đứng đầu), who answers personally for the deadline.</summary>
    public string? ResponsibleHeadId { get; private set; }

    /// <summary>The keys of the escalation rungs already fired (each fires once).</summary>
    public IReadOnlySet<string> FiredRungs => _firedRungs;

    /// <summary>The name of the latest rung fired, or null.</summary>
    public string? LastRung { get; private set; }

    /// <summary>True while the case is being handled (not classified away, resolved, closed or withdrawn).</summary>
    public bool IsOpen => Open.Contains(Status);

    /// <summary>
    /// The unit the case was forwarded to and the forwarding date, until that unit has received it; null otherwise.
    /// </summary>
    public ForwardHandOver? PendingHandOver { get; private set; }

    /// <summary>The units that forwarded the case and whose part ended there, oldest first.</summary>
    public IReadOnlyList<string> ForwardedFrom => _forwardedFrom;

    /// <summary>The handling officer, once assigned.</summary>
    public string? OfficerId { get; private set; }

    /// <summary>The case this one duplicates, when classified as a duplicate.</summary>
    public string? DuplicateOf { get; private set; }

    /// <summary>Extensions granted so far.</summary>
    public int Extensions { get; private set; }

    /// <summary>The sequence of the last event (persisted or not).</summary>
    public long Version { get; private set; }

    /// <summary>Every clock of the case, running, paused or stopped.</summary>
    public IReadOnlyList<CaseClock> Clocks => _clocks;

    /// <summary>The clocks that are running now (what the escalation ladder watches), whatever the case's status.</summary>
    public IEnumerable<CaseClock> RunningClocks => _clocks.Where(c => c.IsRunning);

    /// <summary>
    /// True while a clock is running or paused: an open case, or a resolved or closed one that still has a duty with a
    /// time limit (a decision to send, a decision not yet in effect, an answer owed after a reception session).
    /// </summary>
    public bool HasLiveClocks => _clocks.Exists(c => c.Status != ClockStatus.Stopped);

    /// <summary>
    /// The day the system proposed closing the case (a first-instance complaint decision took effect, Luật Khiếu nại
    /// 2011, Điều 44), until the staff close it or record a second complaint or lawsuit; null otherwise.
    /// </summary>
    public DateOnly? ClosingProposedOn { get; private set; }

    /// <summary>The citizen's rating of the answer, once given (at most one per case).</summary>
    public CaseRating? Rating { get; private set; }

    /// <summary>The lowest and highest score of a rating.</summary>
    public const int MinScore = 1, MaxScore = 5;

    /// <summary>
    /// Records the citizen's rating of the answer: a score from 1 to 5 and an optional comment, once per case, when the
    /// case has been answered (resolved, or closed). A second rating is refused, whatever its score.
    /// </summary>
    public void Rate(int score, string? comment, DateTimeOffset at)
    {
        if (score is < MinScore or > MaxScore)
        {
            throw new ArgumentOutOfRangeException(nameof(score), score, $"A score is {MinScore} to {MaxScore}.");
        }

        Require(CaseAction.Rate, CaseStatus.Resolved, CaseStatus.Closed);
        if (Rating is not null)
        {
            throw Invalid(CaseAction.Rate, "the case has already been rated");
        }

        var text = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        Rating = new CaseRating(score, text, at);
        Raise(new CaseRated(score, text) { CaseId = Id, Sequence = 0, Actor = "citizen", At = at });
    }

    /// <summary>The objective obstacles to filing recorded by the staff (complaints; Luật Khiếu nại 2011, Điều 9).</summary>
    public IReadOnlyList<FilingObstacle> FilingObstacles => _obstacles;

    /// <summary>Events raised since the case was loaded or last committed: persist them with the snapshot.</summary>
    public IReadOnlyList<CaseEvent> UncommittedEvents => _uncommitted;

    /// <summary>
    /// Receives a letter and starts its reception clock on the day of receipt: <paramref name="receivedOn"/> when the
    /// letter was received earlier than it is entered (a paper letter at the counter, whose receipt date starts the
    /// clocks), else the day of <paramref name="at"/> in Vietnam.
    /// </summary>
    public static Case Receive(
        string id, CaseKind kind, bool complex, bool remoteArea, string actor, DateTimeOffset at, DeadlineCalculator clock, DateOnly? receivedOn = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(clock);
        if (id.IndexOfAny(['/', '\\', '#', '?']) >= 0 || id.Any(char.IsControl))
        {
            throw new ArgumentException("A case id must not contain / \\ # ? or control characters.", nameof(id));
        }

        var today = VietnamDate.Of(at);
        if (receivedOn > today)
        {
            throw new ArgumentOutOfRangeException(nameof(receivedOn), "A letter cannot be received after it is entered.");
        }

        var on = receivedOn ?? today;
        var @case = new Case(new CaseSnapshot(id, kind, CaseStatus.Received, on, complex, remoteArea, null, null, 0, [], 0));
        @case.StartClock(kind.ReceptionStep(), on, clock);
        @case.Raise(new CaseReceived(kind, on, complex, remoteArea) { CaseId = id, Sequence = 0, Actor = actor, At = at });
        return @case;
    }

    /// <summary>Rebuilds a case from its persisted snapshot.</summary>
    public static Case Restore(CaseSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return new Case(snapshot);
    }

    /// <summary>The state to persist.</summary>
    public CaseSnapshot ToSnapshot() =>
        new(Id, Kind, Status, ReceivedOn, Complex, RemoteArea, OfficerId, DuplicateOf, Extensions, [.. _clocks], Version,
            UnitId, ResponsibleHeadId, [.. _firedRungs.Order(StringComparer.Ordinal)], LastRung, PendingHandOver,
            _forwardedFrom.Count == 0 ? null : [.. _forwardedFrom],
            _obstacles.Count == 0 ? null : [.. _obstacles],
            ClosingProposedOn,
            _seen.Count == 0 ? null : [.. _seen.Order(StringComparer.Ordinal)],
            Rating,
            _attachments.Count == 0 ? null : [.. _attachments]);

    /// <summary>Forgets the uncommitted events once they are stored.</summary>
    public void MarkCommitted() => _uncommitted.Clear();

    /// <summary>
    /// Routes the letter to its resolving unit (by the competence rules): the unit's head becomes responsible and the
    /// handling officer is named. Clocks are recomputed for the unit's remote-area status. Allowed once, while received.
    /// </summary>
    public void Route(
        string unitId, bool remoteArea, string responsibleHeadId, string officerId, string rule, string actor, DateTimeOffset at, DeadlineCalculator clock)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(unitId);
        ArgumentException.ThrowIfNullOrWhiteSpace(responsibleHeadId);
        ArgumentException.ThrowIfNullOrWhiteSpace(officerId);
        ArgumentException.ThrowIfNullOrWhiteSpace(rule);
        ArgumentNullException.ThrowIfNull(clock);
        Require(CaseAction.Route, CaseStatus.Received);
        if (UnitId is not null)
        {
            throw Invalid(CaseAction.Route, "the case is already routed");
        }

        UnitId = unitId;
        RemoteArea = remoteArea;
        ResponsibleHeadId = responsibleHeadId;
        OfficerId = officerId;
        Recompute(clock);
        Raise(new CaseRouted(unitId, responsibleHeadId, officerId, rule) { CaseId = Id, Sequence = 0, Actor = actor, At = at });
    }

    /// <summary>
    /// Records an escalation rung as fired (once per key; a second call is refused). <paramref name="recordedLate"/>:
    /// recorded on catching up, not sent (a higher rung of the clock is due too). <paramref name="headSeen"/>: for a
    /// supervising level's rung, whether the head had opened an earlier rung of the clock.
    /// </summary>
    public void RecordEscalation(DueRung rung, string actor, DateTimeOffset at, bool recordedLate = false, bool? headSeen = null)
    {
        ArgumentNullException.ThrowIfNull(rung);
        if (rung.Clock.CaseId != Id)
        {
            throw new ArgumentException("The rung belongs to another case.", nameof(rung));
        }

        if (!_firedRungs.Add(rung.Key))
        {
            throw Invalid(CaseAction.Escalate, $"rung {rung.Rung.Rung} of {rung.Clock.Step} already fired");
        }

        LastRung = rung.Rung.Rung;
        Raise(new EscalationFired(rung.Clock.Step, rung.Rung.Rung, rung.Clock.Due, rung.FiresOn, rung.Key, rung.Rung.Notify)
        {
            CaseId = Id, Sequence = 0, Actor = actor, At = at, RecordedLate = recordedLate, HeadSeen = headSeen,
        });
        if (rung.Clock.Step == CaseKindSteps.DecisionEffectiveStep && rung.FiresOn > rung.Clock.Due)
        {
            ProposeClosing(rung.FiresOn, actor, at);
        }
    }

    /// <summary>True when <paramref name="staffId"/> has opened an escalation of the clock of <paramref name="key"/> (same case, step and due date).</summary>
    public bool HasSeenEscalationOf(string key, string staffId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        var parts = key.Split('|');
        if (parts.Length != 5)
        {
            return false;
        }

        var clockPrefix = $"{parts[0]}|{parts[1]}|{parts[2]}|";
        var suffix = $"|{parts[4]}#{staffId}";
        return _seen.Any(s => s.StartsWith(clockPrefix, StringComparison.Ordinal) && s.EndsWith(suffix, StringComparison.Ordinal));
    }

    /// <summary>
    /// Records that the responsible head or a supervisor (<paramref name="role"/>) opened the escalation
    /// <paramref name="key"/> for the first time; false (nothing raised) when they had already.
    /// </summary>
    public bool RecordSeen(string step, string rung, string key, string staffId, string role, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentException.ThrowIfNullOrWhiteSpace(staffId);
        if (!_firedRungs.Contains(key) || !_seen.Add($"{key}#{staffId}"))
        {
            return false;
        }

        Raise(new EscalationSeen(step, rung, key, staffId, role) { CaseId = Id, Sequence = 0, Actor = staffId, At = at });
        return true;
    }

    /// <summary>
    /// Apologises to the citizen for the missed due date <paramref name="missedDue"/> of <paramref name="missedStep"/>
    /// and promises an answer <paramref name="workingDays"/> working days after the later of that date and
    /// <paramref name="at"/> (the day the apology is sent). The promise becomes the <c>promised</c> clock (kind
    /// <c>letter</c>), watched by its own rungs; a promise that slipped stops, replaced by the new one. Returns the event.
    /// </summary>
    public ApologyPromised Promise(string missedStep, DateOnly missedDue, int workingDays, string actor, DateTimeOffset at, DeadlineCalculator clock)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(missedStep);
        ArgumentOutOfRangeException.ThrowIfLessThan(workingDays, 1);
        ArgumentNullException.ThrowIfNull(clock);
        var today = VietnamDate.Of(at);
        var number = _clocks.Count(c => c.Step == CaseKindSteps.PromisedStep) + 1;
        for (var i = 0; i < _clocks.Count; i++)
        {
            if (_clocks[i].Step == CaseKindSteps.PromisedStep && _clocks[i].Status != ClockStatus.Stopped)
            {
                _clocks[i] = _clocks[i] with { Status = ClockStatus.Stopped, StoppedOn = today };
            }
        }

        var from = missedDue > today ? missedDue : today;
        var draft = new CaseClock(CaseKindSteps.AnyLetterKind, CaseKindSteps.PromisedStep, from, workingDays, ClockUnit.WorkingDays, string.Empty, from, 0, [], ClockStatus.Running, null);
        var promised = Compute(draft, clock);
        _clocks.Add(promised);
        Raise(new ApologyPromised(missedStep, missedDue, promised.Due, number) { CaseId = Id, Sequence = 0, Actor = actor, At = at });
        return (ApologyPromised)_uncommitted[^1];
    }

    /// <summary>
    /// The effect clock has run out with no second complaint or lawsuit recorded: the decision is in effect from
    /// <paramref name="effectiveOn"/>, the clock stops and closing is proposed (an event the staff desk shows). The
    /// case stays resolved until the staff close it.
    /// </summary>
    private void ProposeClosing(DateOnly effectiveOn, string actor, DateTimeOffset at)
    {
        var index = _clocks.FindIndex(c => c.Step == CaseKindSteps.DecisionEffectiveStep && c.IsRunning);
        if (index < 0 || Status != CaseStatus.Resolved)
        {
            return;
        }

        var effect = _clocks[index];
        _clocks[index] = effect with { Status = ClockStatus.Stopped, StoppedOn = effectiveOn };
        ClosingProposedOn = effectiveOn;
        Raise(new ClosingProposed(effect.Trigger, effectiveOn, effect.Source) { CaseId = Id, Sequence = 0, Actor = actor, At = at });
    }

    /// <summary>
    /// Records a reception meeting about the case (any status: a closed case may still be raised at a reception).
    /// The direction and what was raised are required; the follow-up date may not precede the meeting.
    /// </summary>
    /// <remarks>
    /// With <paramref name="clock"/>, and unless the head answered at the session itself, the first answer is owed
    /// within the <c>letter/reception-answer</c> limit counted from the meeting day (Luật Tiếp công dân 2013, Điều 28
    /// khoản 1): that clock starts (unless one is already running) and runs whatever the case's status.
    /// </remarks>
    public void RecordReceptionMeeting(
        string sessionId, IReadOnlyList<string> attendees, string raised, string direction, DateOnly? followUpOn, string actor, DateTimeOffset at,
        DeadlineCalculator? clock = null, bool answeredAtSession = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sessionId);
        ArgumentNullException.ThrowIfNull(attendees);
        ArgumentException.ThrowIfNullOrWhiteSpace(raised);
        ArgumentException.ThrowIfNullOrWhiteSpace(direction);
        if (attendees.Count == 0 || attendees.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("Name at least one attendee, none blank.", nameof(attendees));
        }

        var meetingDay = DateOnly.FromDateTime(at.ToOffset(TimeSpan.FromHours(7)).DateTime);
        if (followUpOn is { } followUp && followUp < meetingDay)
        {
            throw new ArgumentException($"The follow-up date {followUp:yyyy-MM-dd} precedes the meeting ({meetingDay:yyyy-MM-dd}).", nameof(followUpOn));
        }

        if (clock is not null && !answeredAtSession && !_clocks.Exists(c => c.Step == CaseKindSteps.ReceptionAnswerStep && c.IsRunning))
        {
            StartClock(CaseKindSteps.AnyLetterKind, CaseKindSteps.ReceptionAnswerStep, meetingDay, clock);
        }

        Raise(new ReceptionMeetingRecorded(sessionId, [.. attendees], raised.Trim(), direction.Trim(), followUpOn)
        {
            CaseId = Id, Sequence = 0, Actor = actor, At = at,
        });
    }

    /// <summary>
    /// Records the first answer to what was raised at a reception session, given on <paramref name="answeredOn"/>
    /// (directly or in writing, Luật Tiếp công dân 2013, Điều 28 khoản 1): the reception-answer clock stops. Any status.
    /// </summary>
    public void RecordReceptionAnswer(DateOnly answeredOn, string summary, string actor, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(summary);
        var index = _clocks.FindIndex(c => c.Step == CaseKindSteps.ReceptionAnswerStep && c.Status != ClockStatus.Stopped);
        if (index < 0)
        {
            throw Invalid(CaseAction.RecordReceptionAnswer, "no answer is owed after a reception session");
        }

        RequireDayBetween(CaseAction.RecordReceptionAnswer, answeredOn, _clocks[index].Trigger, at, "the reception");
        _clocks[index] = _clocks[index] with { Status = ClockStatus.Stopped, StoppedOn = answeredOn };
        Raise(new ReceptionAnswered(answeredOn, summary.Trim()) { CaseId = Id, Sequence = 0, Actor = actor, At = at });
    }

    /// <summary>
    /// Records an instruction (chỉ đạo) given on the case by a head of a level above (<paramref name="fromUnit"/>), while
    /// the case is being handled. It directs the unit; the state and the clocks do not change.
    /// </summary>
    public void RecordInstruction(string fromUnit, string text, string actor, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fromUnit);
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        if (!IsOpen)
        {
            throw Invalid(CaseAction.Instruct, "the case is no longer being handled");
        }

        Raise(new InstructionGiven(fromUnit, text.Trim()) { CaseId = Id, Sequence = 0, Actor = actor, At = at });
    }

    /// <summary>Accepts the letter (thụ lý): the reception clock stops, the resolution clock starts from today.</summary>
    public void Accept(string actor, DateTimeOffset at, DeadlineCalculator clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        Require(CaseAction.Accept, CaseStatus.Received);
        var on = VietnamDate.Of(at);
        if (Kind.ResolutionStep() is { } resolution)
        {
            StopClocks(on);
            StartClock(resolution, on, clock);
        }

        Status = OfficerId is null ? CaseStatus.Accepted : CaseStatus.Assigned;
        Raise(new CaseAccepted(on) { CaseId = Id, Sequence = 0, Actor = actor, At = at });
    }

    /// <summary>
    /// Forwards a denunciation or petition outside the unit's competence to the competent unit (chuyển đơn): the unit's
    /// clocks stop and the case awaits receipt there (<see cref="PendingHandOver"/>, <see cref="ReceiveForwarded"/>).
    /// </summary>
    public void Forward(string toUnit, string reason, string actor, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(toUnit);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        Require(CaseAction.Forward, CaseStatus.Received);
        if (Kind.IsComplaint())
        {
            throw Invalid(CaseAction.Forward, "a complaint outside the unit's competence is not forwarded: the citizen is guided to the competent body");
        }

        if (toUnit == UnitId)
        {
            throw Invalid(CaseAction.Forward, "the case is already with that unit");
        }

        Classify(CaseStatus.Forwarded, at);
        PendingHandOver = new ForwardHandOver(toUnit, VietnamDate.Of(at));
        Raise(new CaseForwarded(toUnit, reason) { CaseId = Id, Sequence = 0, Actor = actor, At = at });
    }

    /// <summary>
    /// The unit the case was forwarded to receives it as a newly received letter: the case is received there again,
    /// with a new reception clock counted from the forwarding date (the rule in force that day), that unit's head
    /// responsible and its officer named; escalations start afresh. Allowed once per forward, while it awaits receipt.
    /// </summary>
    /// <param name="fromUnit">The unit that forwarded it (its unit, or the unit it was filed with when not yet routed).</param>
    /// <param name="remoteArea">Whether the receiving unit is in a remote area.</param>
    /// <param name="responsibleHeadId">The receiving unit's head.</param>
    /// <param name="officerId">The handling officer there.</param>
    /// <param name="actor">Who acts (normally "system").</param>
    /// <param name="at">When.</param>
    /// <param name="clock">The legal clock.</param>
    public void ReceiveForwarded(
        string fromUnit, bool remoteArea, string responsibleHeadId, string officerId, string actor, DateTimeOffset at, DeadlineCalculator clock)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fromUnit);
        ArgumentException.ThrowIfNullOrWhiteSpace(responsibleHeadId);
        ArgumentException.ThrowIfNullOrWhiteSpace(officerId);
        ArgumentNullException.ThrowIfNull(clock);
        Require(CaseAction.ReceiveForwarded, CaseStatus.Forwarded);
        if (PendingHandOver is not { } handOver)
        {
            throw Invalid(CaseAction.ReceiveForwarded, "no unit awaits it (already received, or forwarded outside the organisation)");
        }

        if (fromUnit == handOver.ToUnit)
        {
            throw Invalid(CaseAction.ReceiveForwarded, "a unit cannot forward a case to itself");
        }

        _forwardedFrom.Add(fromUnit);
        UnitId = handOver.ToUnit;
        RemoteArea = remoteArea;
        ResponsibleHeadId = responsibleHeadId;
        OfficerId = officerId;
        LastRung = null;
        PendingHandOver = null;
        Status = CaseStatus.Received;
        StartClock(Kind.ReceptionStep(), handOver.ForwardedOn, clock);
        Raise(new ForwardedCaseReceived(fromUnit, handOver.ToUnit, responsibleHeadId, officerId, handOver.ForwardedOn)
        {
            CaseId = Id, Sequence = 0, Actor = actor, At = at,
        });
    }

    /// <summary>Guides the citizen to the competent body (complaints outside the unit's competence).</summary>
    public void Guide(string competentBody, string actor, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(competentBody);
        Require(CaseAction.Guide, CaseStatus.Received);
        if (!Kind.IsComplaint())
        {
            throw Invalid(CaseAction.Guide, "denunciations and petitions outside the unit's competence are forwarded, not guided");
        }

        Classify(CaseStatus.Guided, at);
        Raise(new CitizenGuided(competentBody) { CaseId = Id, Sequence = 0, Actor = actor, At = at });
    }

    /// <summary>Refuses the letter with its legal reason.</summary>
    public void Refuse(string legalReason, string actor, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(legalReason);
        Require(CaseAction.Refuse, CaseStatus.Received);
        Classify(CaseStatus.Refused, at);
        Raise(new CaseRefused(legalReason) { CaseId = Id, Sequence = 0, Actor = actor, At = at });
    }

    /// <summary>Classifies the letter as a duplicate of another case.</summary>
    public void MarkDuplicate(string ofCaseId, string actor, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ofCaseId);
        Require(CaseAction.MarkDuplicate, CaseStatus.Received);
        if (ofCaseId == Id)
        {
            throw Invalid(CaseAction.MarkDuplicate, "a case cannot duplicate itself");
        }

        Classify(CaseStatus.Duplicate, at);
        DuplicateOf = ofCaseId;
        Raise(new CaseMarkedDuplicate(ofCaseId) { CaseId = Id, Sequence = 0, Actor = actor, At = at });
    }

    /// <summary>Assigns (or reassigns) the handling officer.</summary>
    public void Assign(string officerId, string actor, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(officerId);
        Require(CaseAction.Assign, CaseStatus.Accepted, CaseStatus.Assigned, CaseStatus.InProgress);
        OfficerId = officerId;
        if (Status == CaseStatus.Accepted)
        {
            Status = CaseStatus.Assigned;
        }

        Raise(new CaseAssigned(officerId) { CaseId = Id, Sequence = 0, Actor = actor, At = at });
    }

    /// <summary>The officer starts handling (verification).</summary>
    public void StartWork(string actor, DateTimeOffset at)
    {
        Require(CaseAction.StartWork, CaseStatus.Assigned);
        Status = CaseStatus.InProgress;
        Raise(new CaseWorkStarted { CaseId = Id, Sequence = 0, Actor = actor, At = at });
    }

    /// <summary>Marks the case complex: running clocks with a complex variant get the longer limit.</summary>
    public void MarkComplex(string reason, string actor, DateTimeOffset at, DeadlineCalculator clock)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        ArgumentNullException.ThrowIfNull(clock);
        Require(CaseAction.MarkComplex, CaseStatus.Received, CaseStatus.Accepted, CaseStatus.Assigned, CaseStatus.InProgress);
        if (Complex)
        {
            throw Invalid(CaseAction.MarkComplex, "the case is already complex");
        }

        Complex = true;
        Recompute(clock);
        Raise(new CaseMarkedComplex(reason) { CaseId = Id, Sequence = 0, Actor = actor, At = at });
    }

    /// <summary>
    /// Extends a denunciation's resolution by the data's extension days (Luật Tố cáo 2018 Art. 30): once, or twice
    /// when <paramref name="especiallyComplex"/>; each with its reason. A further extension is refused.
    /// </summary>
    public void Extend(string reason, bool especiallyComplex, string actor, DateTimeOffset at, DeadlineCalculator clock)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        ArgumentNullException.ThrowIfNull(clock);
        Require(CaseAction.Extend, CaseStatus.Assigned, CaseStatus.InProgress);
        var step = Kind.ResolutionStep();
        var index = step is null ? -1 : _clocks.FindIndex(c => c.Step == step && c.Status != ClockStatus.Stopped);
        var rule = index < 0 ? null : clock.Limits.Find(Kind.LegalKind(), step!, _clocks[index].Trigger)?.Extensions;
        if (rule is null)
        {
            throw Invalid(CaseAction.Extend, $"the law gives no extension for a {Kind} case");
        }

        var allowed = especiallyComplex ? rule.MaxTimesEspeciallyComplex : rule.MaxTimes;
        if (Extensions >= allowed)
        {
            throw Invalid(
                CaseAction.Extend,
                $"{Extensions} extension(s) already granted; at most {allowed} for {(especiallyComplex ? "an especially complex" : "a complex")} case ({rule.Source})");
        }

        Extensions++;
        var extended = Compute(_clocks[index] with { Extensions = Extensions }, clock);
        _clocks[index] = extended;
        Raise(new CaseExtended(step!, Extensions, especiallyComplex, reason, extended.Due) { CaseId = Id, Sequence = 0, Actor = actor, At = at });
    }

    /// <summary>
    /// Suspends handling (tạm đình chỉ): running clocks pause from today (not the clocks that send a decision: that
    /// duty is not suspended). For a denunciation, with <paramref name="clock"/>, the suspension decision is to be sent
    /// within the <c>send-suspension</c> limit from today (Luật Tố cáo 2018, Điều 34 khoản 4): that clock starts.
    /// </summary>
    public void Suspend(string reason, string actor, DateTimeOffset at, DeadlineCalculator? clock = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        Require(CaseAction.Suspend, CaseStatus.Assigned, CaseStatus.InProgress);
        var on = VietnamDate.Of(at);
        for (var i = 0; i < _clocks.Count; i++)
        {
            if (_clocks[i].IsRunning && !CaseKindSteps.IsSendingStep(_clocks[i].Step))
            {
                _clocks[i] = _clocks[i] with
                {
                    Status = ClockStatus.Paused,
                    Suspensions = [.. _clocks[i].Suspensions, new SuspendedInterval(on, null)],
                };
            }
        }

        Status = CaseStatus.Suspended;
        if (clock is not null && Kind == CaseKind.Denunciation)
        {
            StartClock(Kind.LegalKind(), CaseKindSteps.SendSuspensionStep, on, clock);
        }

        Raise(new CaseSuspended(on, reason) { CaseId = Id, Sequence = 0, Actor = actor, At = at });
    }

    /// <summary>Resumes after suspension: paused clocks run again, their due dates moved by the suspended days the law excludes.</summary>
    public void Resume(string actor, DateTimeOffset at, DeadlineCalculator clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        Require(CaseAction.Resume, CaseStatus.Suspended);
        var on = VietnamDate.Of(at);
        for (var i = 0; i < _clocks.Count; i++)
        {
            if (_clocks[i].Status == ClockStatus.Paused)
            {
                var suspensions = _clocks[i].Suspensions.ToList();
                suspensions[^1] = suspensions[^1] with { ResumedOn = on };
                _clocks[i] = Compute(_clocks[i] with { Status = ClockStatus.Running, Suspensions = suspensions }, clock);
            }
        }

        Status = CaseStatus.InProgress;
        Raise(new CaseResumed(on) { CaseId = Id, Sequence = 0, Actor = actor, At = at });
    }

    /// <summary>
    /// Resolves the case (decision or answer issued): the handling clocks stop. For a complaint, with
    /// <paramref name="clock"/>, the clocks of the decision start from <paramref name="decisionOn"/> (the day it was
    /// issued; today when null): sending it (first instance: 3 working days, Luật Khiếu nại 2011, Điều 32; second
    /// instance: 7 days, Điều 41) and its taking effect (30 days from issue, remote areas up to 45: Điều 44 khoản 1 at
    /// first instance, unless a second complaint or a lawsuit follows; khoản 2 at second instance, unconditionally),
    /// after which the system proposes closing. A decision date before receipt is refused; one after today is taken as written
    /// (the clocks then count from it).
    /// </summary>
    public void Resolve(string outcome, string actor, DateTimeOffset at, DeadlineCalculator? clock = null, DateOnly? decisionOn = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outcome);
        Require(CaseAction.Resolve, CaseStatus.InProgress);
        var on = VietnamDate.Of(at);
        var issued = decisionOn ?? on;
        if (issued < ReceivedOn)
        {
            throw Invalid(CaseAction.Resolve, $"the decision date {issued:yyyy-MM-dd} precedes receipt ({ReceivedOn:yyyy-MM-dd})");
        }
        StopHandlingClocks(on);
        Status = CaseStatus.Resolved;
        if (clock is not null && Kind.SendDecisionStep() is { } send)
        {
            StartClock(Kind.LegalKind(), send, issued, clock);
            if (Kind is CaseKind.ComplaintFirstInstance or CaseKind.ComplaintSecondInstance)
            {
                StartClock(Kind.LegalKind(), CaseKindSteps.DecisionEffectiveStep, issued, clock);
            }
        }

        Raise(new CaseResolved(on, outcome) { CaseId = Id, Sequence = 0, Actor = actor, At = at });
    }

    /// <summary>
    /// Ends the resolution of a denunciation (đình chỉ, Luật Tố cáo 2018, Điều 34 khoản 3) by a decision of
    /// <paramref name="decidedOn"/>: handling clocks stop, the case counts as resolved, and with <paramref name="clock"/>
    /// the decision is to be sent within the <c>send-suspension</c> limit (Điều 34 khoản 4).
    /// </summary>
    public void EndHandling(string reason, DateOnly decidedOn, string actor, DateTimeOffset at, DeadlineCalculator? clock = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        Require(CaseAction.EndHandling, CaseStatus.Accepted, CaseStatus.Assigned, CaseStatus.InProgress, CaseStatus.Suspended);
        if (Kind != CaseKind.Denunciation)
        {
            throw Invalid(CaseAction.EndHandling, "ending the resolution (đình chỉ, Luật Tố cáo 2018, Điều 34) applies to denunciations; a complaint is withdrawn or resolved");
        }

        RequireDayBetween(CaseAction.EndHandling, decidedOn, ReceivedOn, at, "receipt");
        StopHandlingClocks(VietnamDate.Of(at));
        Status = CaseStatus.Resolved;
        if (clock is not null)
        {
            StartClock(Kind.LegalKind(), CaseKindSteps.SendSuspensionStep, decidedOn, clock);
        }

        Raise(new HandlingEnded(decidedOn, reason.Trim()) { CaseId = Id, Sequence = 0, Actor = actor, At = at });
    }

    /// <summary>
    /// Records that the decision was sent on <paramref name="sentOn"/> (not before it was issued, not after today):
    /// the running sending clocks (send-decision, send-decision-second, send-suspension) stop. Refused when none runs.
    /// </summary>
    public void RecordDecisionSent(DateOnly sentOn, string actor, DateTimeOffset at)
    {
        var sending = _clocks.Select((c, i) => (c, i)).Where(x => CaseKindSteps.IsSendingStep(x.c.Step) && x.c.Status != ClockStatus.Stopped).ToList();
        if (sending.Count == 0)
        {
            throw Invalid(CaseAction.RecordDecisionSent, "no decision is waiting to be sent");
        }

        RequireDayBetween(CaseAction.RecordDecisionSent, sentOn, sending.Min(x => x.c.Trigger), at, "the decision");
        foreach (var (c, i) in sending)
        {
            _clocks[i] = c with { Status = ClockStatus.Stopped, StoppedOn = sentOn };
            Raise(new DecisionSent(c.Step, sentOn) { CaseId = Id, Sequence = 0, Actor = actor, At = at });
        }
    }

    /// <summary>
    /// Records a second complaint (<paramref name="how"/> = <c>second-complaint</c>) or a lawsuit (<c>lawsuit</c>)
    /// against a resolved first-instance complaint, filed on <paramref name="filedOn"/>: the effect clock stops and a
    /// pending proposal to close is withdrawn (Luật Khiếu nại 2011, Điều 44).
    /// </summary>
    public void RecordChallenge(string how, DateOnly filedOn, string note, string actor, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(note);
        Require(CaseAction.RecordChallenge, CaseStatus.Resolved);
        if (how is not ("second-complaint" or "lawsuit"))
        {
            throw new ArgumentException("How is second-complaint or lawsuit.", nameof(how));
        }

        var index = _clocks.FindIndex(c => c.Step == CaseKindSteps.DecisionEffectiveStep);
        if (Kind != CaseKind.ComplaintFirstInstance || index < 0)
        {
            throw Invalid(CaseAction.RecordChallenge, "only a first-instance complaint decision waits for a second complaint or a lawsuit");
        }

        RequireDayBetween(CaseAction.RecordChallenge, filedOn, _clocks[index].Trigger, at, "the decision");
        if (_clocks[index].Status != ClockStatus.Stopped)
        {
            _clocks[index] = _clocks[index] with { Status = ClockStatus.Stopped, StoppedOn = filedOn };
        }

        ClosingProposedOn = null;
        Raise(new DecisionChallenged(how, filedOn, note.Trim()) { CaseId = Id, Sequence = 0, Actor = actor, At = at });
    }

    /// <summary>Closes a resolved, classified-away or withdrawn case (not a forward the receiving unit has yet to take in).</summary>
    public void Close(string actor, DateTimeOffset at)
    {
        Require(
            CaseAction.Close,
            CaseStatus.Resolved, CaseStatus.Forwarded, CaseStatus.Guided, CaseStatus.Refused, CaseStatus.Duplicate, CaseStatus.Withdrawn);
        if (PendingHandOver is { } handOver)
        {
            throw Invalid(CaseAction.Close, $"unit {handOver.ToUnit} has not yet received the forwarded case");
        }

        var stopped = _clocks.Where(c => c.Status != ClockStatus.Stopped).Select(c => c.Step).ToList();
        StopClocks(VietnamDate.Of(at));
        Status = CaseStatus.Closed;
        ClosingProposedOn = null;
        Raise(new CaseClosed { CaseId = Id, Sequence = 0, Actor = actor, At = at, StoppedSteps = stopped.Count == 0 ? null : stopped });
    }

    /// <summary>
    /// The citizen withdraws the letter wholly (clocks stop, the case is withdrawn) or in part (the named part is
    /// recorded; handling of the rest goes on).
    /// </summary>
    public void Withdraw(bool wholly, string? part, string reason, string actor, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        Require(CaseAction.Withdraw, Open);
        if (!wholly && string.IsNullOrWhiteSpace(part))
        {
            throw new ArgumentException("A partial withdrawal names the part withdrawn.", nameof(part));
        }

        if (wholly)
        {
            StopClocks(VietnamDate.Of(at));
            Status = CaseStatus.Withdrawn;
        }

        Raise(new CaseWithdrawn(wholly, wholly ? null : part, reason) { CaseId = Id, Sequence = 0, Actor = actor, At = at });
    }

    private void Classify(CaseStatus outcome, DateTimeOffset at)
    {
        StopClocks(VietnamDate.Of(at));
        Status = outcome;
    }

    /// <summary>
    /// Records an objective obstacle that kept the complainant from filing (Luật Khiếu nại 2011, Điều 9): days
    /// <paramref name="from"/> to <paramref name="until"/> (included, not after today) are not counted in the filing limit.
    /// Complaints only; an obstacle overlapping one already recorded is refused.
    /// </summary>
    public void RecordFilingObstacle(DateOnly from, DateOnly until, string cause, string actor, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(cause);
        Require(CaseAction.RecordObstacle, CaseStatus.Received, CaseStatus.Accepted, CaseStatus.Assigned, CaseStatus.InProgress, CaseStatus.Suspended);
        if (Kind.LegalKind() != "complaint")
        {
            throw Invalid(CaseAction.RecordObstacle, "a filing obstacle (Luật Khiếu nại 2011, Điều 9) applies to complaints only");
        }

        if (until < from)
        {
            throw Invalid(CaseAction.RecordObstacle, "the obstacle ends before it starts");
        }

        if (until > VietnamDate.Of(at))
        {
            throw Invalid(CaseAction.RecordObstacle, "an obstacle cannot end in the future");
        }

        if (_obstacles.Any(o => o.From <= until && from <= o.Until))
        {
            throw Invalid(CaseAction.RecordObstacle, "the obstacle overlaps one already recorded");
        }

        _obstacles.Add(new FilingObstacle(from, until, cause));
        Raise(new FilingObstacleRecorded(from, until, cause) { CaseId = Id, Sequence = 0, Actor = actor, At = at });
    }

    /// <summary>
    /// The complaint filing limit (thời hiệu) counted from <paramref name="learntOn"/> (the day the citizen received or
    /// learnt of the decision or act), the recorded obstacles not counted; the explanation lists each obstacle day.
    /// </summary>
    public Deadline FilingDeadline(DateOnly learntOn, DeadlineCalculator clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var rule = clock.Limits.Get(Kind.LegalKind(), "file", learntOn);
        var intervals = _obstacles.Select(o => new SuspendedInterval(o.From, o.Until.AddDays(1))).ToList();
        return clock.Compute(new DeadlineRequest(rule.Kind, rule.Step, learntOn, Remote: RemoteArea && rule.HasRemoteVariant, Suspensions: intervals));
    }

    /// <summary>
    /// Recomputes the not-stopped clocks whose span touches <paramref name="year"/> after that year's official calendar
    /// was added or corrected. Each clock whose due date changes is recorded as a <see cref="CaseDeadlineMoved"/>
    /// with both dates and the reason; the moves are returned (none when nothing changed).
    /// </summary>
    public IReadOnlyList<CaseDeadlineMoved> RecomputeForCalendar(int year, string reason, string actor, DateTimeOffset at, DeadlineCalculator clock)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        ArgumentNullException.ThrowIfNull(clock);
        var moved = new List<CaseDeadlineMoved>();
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        for (var i = 0; i < _clocks.Count; i++)
        {
            var old = _clocks[i];
            if (old.Status == ClockStatus.Stopped || old.Trigger > last || old.Due < first)
            {
                continue;
            }

            var recomputed = Compute(old, clock);
            if (recomputed.Due == old.Due)
            {
                continue;
            }

            _clocks[i] = recomputed;
            var @event = new CaseDeadlineMoved(old.Step, old.Due, recomputed.Due, year, reason) { CaseId = Id, Sequence = 0, Actor = actor, At = at };
            Raise(@event);
            moved.Add((CaseDeadlineMoved)_uncommitted[^1]);
        }

        return moved;
    }

    private void StartClock(string step, DateOnly trigger, DeadlineCalculator clock) => StartClock(Kind.LegalKind(), step, trigger, clock);

    private void StartClock(string kind, string step, DateOnly trigger, DeadlineCalculator clock)
    {
        var draft = new CaseClock(kind, step, trigger, 0, ClockUnit.CalendarDays, string.Empty, trigger, 0, [], ClockStatus.Running, null);
        _clocks.Add(Compute(draft, clock));
    }

    /// <summary>Refuses a legal date after today or before <paramref name="earliest"/>.</summary>
    private void RequireDayBetween(CaseAction action, DateOnly day, DateOnly earliest, DateTimeOffset at, string earliestName)
    {
        if (day > VietnamDate.Of(at))
        {
            throw Invalid(action, $"the date {day:yyyy-MM-dd} is in the future");
        }

        if (day < earliest)
        {
            throw Invalid(action, $"the date {day:yyyy-MM-dd} precedes {earliestName} ({earliest:yyyy-MM-dd})");
        }
    }

    /// <summary>Stops the clocks of the handling itself; the clocks that send a decision run on.</summary>
    private void StopHandlingClocks(DateOnly on)
    {
        for (var i = 0; i < _clocks.Count; i++)
        {
            if (_clocks[i].Status != ClockStatus.Stopped && !CaseKindSteps.IsSendingStep(_clocks[i].Step))
            {
                _clocks[i] = _clocks[i] with { Status = ClockStatus.Stopped, StoppedOn = on };
            }
        }
    }

    private void Recompute(DeadlineCalculator clock)
    {
        for (var i = 0; i < _clocks.Count; i++)
        {
            if (_clocks[i].Status != ClockStatus.Stopped)
            {
                _clocks[i] = Compute(_clocks[i], clock);
            }
        }
    }

    /// <summary>How a clock's due date was reached (the same request the case computed it with).</summary>
    public DeadlineExplanation Explain(CaseClock caseClock, DeadlineCalculator clock)
    {
        ArgumentNullException.ThrowIfNull(caseClock);
        ArgumentNullException.ThrowIfNull(clock);
        return DeadlineOf(caseClock, clock).Explanation;
    }

    /// <summary>
    /// Names another officer of the unit as the handling officer (reassignment), at any time while the case is
    /// handled, including before classification.
    /// </summary>
    public void Reassign(string officerId, string actor, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(officerId);
        Require(CaseAction.Assign, CaseStatus.Received, CaseStatus.Accepted, CaseStatus.Assigned, CaseStatus.InProgress, CaseStatus.Suspended);
        if (officerId == OfficerId)
        {
            throw Invalid(CaseAction.Assign, "the officer already handles the case");
        }

        OfficerId = officerId;
        if (Status == CaseStatus.Accepted)
        {
            Status = CaseStatus.Assigned;
        }

        Raise(new CaseAssigned(officerId) { CaseId = Id, Sequence = 0, Actor = actor, At = at });
    }

    private CaseClock Compute(CaseClock draft, DeadlineCalculator clock)
    {
        var deadline = DeadlineOf(draft, clock);
        return draft with { Limit = deadline.Limit, Unit = deadline.Unit, Source = deadline.Source, Due = deadline.Due };
    }

    /// <summary>
    /// The deadline of a clock. A promise keeps the number of working days it was made with (the setting of the day),
    /// so a later change of the setting does not move a date the citizen was already given.
    /// </summary>
    private static Deadline DeadlineOf(CaseClock draft, DeadlineCalculator clock, DeadlineRequest request)
    {
        if (draft.Step != CaseKindSteps.PromisedStep)
        {
            return clock.Compute(request);
        }

        var applied = clock.LimitFor(request);
        if (applied.Limit != draft.Limit)
        {
            applied = applied with { Limit = draft.Limit, Adjustments = [.. applied.Adjustments, $"the unit's promise: {draft.Limit} working days"] };
        }

        return clock.Compute(applied, draft.Trigger, draft.Suspensions);
    }

    private Deadline DeadlineOf(CaseClock draft, DeadlineCalculator clock) => DeadlineOf(draft, clock, RequestFor(draft, clock));

    private DeadlineRequest RequestFor(CaseClock draft, DeadlineCalculator clock)
    {
        var rule = clock.Limits.Get(draft.Kind, draft.Step, draft.Trigger);
        var complex = Complex && rule.HasComplexVariant && (!RemoteArea || !rule.HasRemoteVariant || rule.Variants?.RemoteComplex is not null);
        var remote = RemoteArea && rule.HasRemoteVariant;
        return new DeadlineRequest(draft.Kind, draft.Step, draft.Trigger, complex, remote, draft.Extensions, draft.Suspensions);
    }

    private void StopClocks(DateOnly on)
    {
        for (var i = 0; i < _clocks.Count; i++)
        {
            if (_clocks[i].Status != ClockStatus.Stopped)
            {
                _clocks[i] = _clocks[i] with { Status = ClockStatus.Stopped, StoppedOn = on };
            }
        }
    }

    private void Require(CaseAction action, params CaseStatus[] allowed)
    {
        if (!allowed.Contains(Status))
        {
            throw Invalid(action, $"allowed only while {string.Join(" or ", allowed)}");
        }
    }

    private InvalidCaseTransitionException Invalid(CaseAction action, string reason) => new(Id, Status, action, reason);

    private void Raise(CaseEvent @event)
    {
        Version++;
        _uncommitted.Add(@event with { Sequence = Version });
    }
}
