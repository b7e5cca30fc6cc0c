namespace Petitions.Core.Cases;

/// <summary>The legal kind of a letter, which decides its procedure and clocks.</summary>
public enum CaseKind
{
    /// <summary>Khiếu nại, first instance (Luật Khiếu nại 2011).</summary>
    ComplaintFirstInstance,

    /// <summary>Khiếu nại, second instance (Luật Khiếu nại 2011).</summary>
    ComplaintSecondInstance,

    /// <summary>Tố cáo (Luật Tố cáo 2018).</summary>
    Denunciation,

    /// <summary>Kiến nghị, phản ánh (TT 05/2021/TT-TTCP).</summary>
    Petition,
}

/// <summary>Where a kind's legal limits are found in the limits table, and which step runs at each phase.</summary>
public static class CaseKindSteps
{
    /// <summary>The kind's name in the limits table.</summary>
    public static string LegalKind(this CaseKind kind) => kind switch
    {
        CaseKind.ComplaintFirstInstance or CaseKind.ComplaintSecondInstance => "complaint",
        CaseKind.Denunciation => "denunciation",
        _ => "petition",
    };

    /// <summary>The step whose clock runs from receipt: acceptance (thụ lý), preliminary handling, or the reply.</summary>
    public static string ReceptionStep(this CaseKind kind) => kind switch
    {
        CaseKind.ComplaintFirstInstance or CaseKind.ComplaintSecondInstance => "accept",
        CaseKind.Denunciation => "preliminary",
        _ => "process",
    };

    /// <summary>The step whose clock runs from acceptance, or null when the reception clock runs on (petitions).</summary>
    public static string? ResolutionStep(this CaseKind kind) => kind switch
    {
        CaseKind.ComplaintFirstInstance => "resolve",
        CaseKind.ComplaintSecondInstance => "resolve-second",
        CaseKind.Denunciation => "resolve",
        _ => null,
    };

    /// <summary>The effect clock of a first-instance complaint decision (Luật Khiếu nại 2011, Điều 44): when it runs out the system proposes closing.</summary>
    public const string DecisionEffectiveStep = "decision-effective";

    /// <summary>Sending a denunciation's decision to suspend or to end its resolution (Luật Tố cáo 2018, Điều 34 khoản 4).</summary>
    public const string SendSuspensionStep = "send-suspension";

    /// <summary>The limits-table kind of the clocks that concern any letter (reception-answer).</summary>
    public const string AnyLetterKind = "letter";

    /// <summary>The first answer to what was raised at a reception session (Luật Tiếp công dân 2013, Điều 28 khoản 1).</summary>
    public const string ReceptionAnswerStep = "reception-answer";

    /// <summary>
    /// The promise made in an apology (phiếu xin lỗi): the new date the citizen was given when a limit was missed,
    /// watched like any other deadline (its own rungs; a second apology when it slips). Kind <see cref="AnyLetterKind"/>.
    /// </summary>
    public const string PromisedStep = "promised";

    /// <summary>
    /// The step whose clock runs from the day a complaint decision is issued until it is sent: first instance within
    /// 3 working days (Luật Khiếu nại 2011, Điều 32), second instance within 7 days (Điều 41); null for other kinds.
    /// </summary>
    public static string? SendDecisionStep(this CaseKind kind) => kind switch
    {
        CaseKind.ComplaintFirstInstance => "send-decision",
        CaseKind.ComplaintSecondInstance => "send-decision-second",
        _ => null,
    };

    /// <summary>
    /// True for the steps that send a decision once issued (send-decision, send-decision-second, send-suspension):
    /// they outlive the resolution and a suspension, and stop only when the sending is recorded or the case is closed.
    /// </summary>
    public static bool IsSendingStep(string step) =>
        step is "send-decision" or "send-decision-second" or SendSuspensionStep;

    /// <summary>True for both instances of a complaint.</summary>
    public static bool IsComplaint(this CaseKind kind) =>
        kind is CaseKind.ComplaintFirstInstance or CaseKind.ComplaintSecondInstance;
}
