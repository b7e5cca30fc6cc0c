namespace Petitions.Core.Cases;

/// <summary>Where a case stands in its lifecycle.</summary>
public enum CaseStatus
{
    /// <summary>Received (tiếp nhận), not yet classified.</summary>
    Received,

    /// <summary>Classified and accepted (thụ lý).</summary>
    Accepted,

    /// <summary>
    /// Classified: forwarded to the competent unit (denunciations, petitions). Within the organisation this lasts until
    /// that unit receives the case (it is then <see cref="Received"/> there); a legacy forward without a hand-over stays.
    /// </summary>
    Forwarded,

    /// <summary>Classified: the citizen was guided to the competent body (complaints).</summary>
    Guided,

    /// <summary>Classified: refused with a legal reason.</summary>
    Refused,

    /// <summary>Classified: duplicate of another case.</summary>
    Duplicate,

    /// <summary>Assigned to a handling officer (chuyên viên).</summary>
    Assigned,

    /// <summary>Being verified and handled.</summary>
    InProgress,

    /// <summary>Suspended (tạm đình chỉ).</summary>
    Suspended,

    /// <summary>Resolved (decision or answer issued).</summary>
    Resolved,

    /// <summary>Closed and archived.</summary>
    Closed,

    /// <summary>Wholly withdrawn by the citizen.</summary>
    Withdrawn,
}

/// <summary>What was attempted on a case.</summary>
public enum CaseAction
{

    /// <summary>Accept (thụ lý).</summary>
    Accept,

    /// <summary>Forward to another unit.</summary>
    Forward,

    /// <summary>Guide the citizen to the competent body.</summary>
    Guide,

    /// <summary>Refuse with a legal reason.</summary>
    Refuse,

    /// <summary>Mark as a duplicate.</summary>
    MarkDuplicate,

    /// <summary>Attach a file (photo, scan).</summary>
    AttachFile,

    /// <summary>Assign to an officer.</summary>
    Assign,

    /// <summary>Start handling.</summary>
    StartWork,

    /// <summary>Mark as complex.</summary>
    MarkComplex,

    /// <summary>Extend the resolution limit.</summary>
    Extend,

    /// <summary>Suspend.</summary>
    Suspend,

    /// <summary>Resume after suspension.</summary>
    Resume,

    /// <summary>Resolve.</summary>
    Resolve,

    /// <summary>Close.</summary>
    Close,

    /// <summary>Withdraw wholly or in part.</summary>
    Withdraw,

    /// <summary>Route to the resolving unit, its head and an officer.</summary>
    Route,

    /// <summary>Record an escalation rung.</summary>
    Escalate,

    /// <summary>Receive a case forwarded by another unit (chuyển đơn) in the unit it was forwarded to.</summary>
    ReceiveForwarded,

    /// <summary>Record an objective obstacle to filing a complaint (Luật Khiếu nại 2011, Điều 9).</summary>
    RecordObstacle,

    /// <summary>Record that the decision was sent (stops send-decision, send-decision-second or send-suspension).</summary>
    RecordDecisionSent,

    /// <summary>Record a second complaint or a lawsuit against a first-instance decision (stops decision-effective).</summary>
    RecordChallenge,

    /// <summary>End the resolution of a denunciation (đình chỉ, Luật Tố cáo 2018, Điều 34 khoản 3).</summary>
    EndHandling,

    /// <summary>Record the first answer to what was raised at a reception session (stops reception-answer).</summary>
    RecordReceptionAnswer,

    /// <summary>A head above gives an instruction (chỉ đạo) from the watch.</summary>
    Instruct,
    /// <summary>Record the citizen's rating of the answer (once, after the case was resolved).</summary>
    Rate,
}
