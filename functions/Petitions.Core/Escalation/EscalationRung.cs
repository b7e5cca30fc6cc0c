namespace Petitions.Core.Escalation;

/// <summary>Who a rung notifies.</summary>
public enum EscalationAudience
{
    /// <summary>The handling officer (chuyên viên).</summary>
    HandlingOfficer,

    /// <summary>The head of the unit (người đứng đầu), who answers personally for the deadline.</summary>
    UnitHead,

    /// <summary>The supervising level (provincial inspectorate / chairman).</summary>
    SupervisingLevel,

    /// <summary>The citizen (apology with a new appointment when late).</summary>
    Citizen,
}

/// <summary>
/// One rung of the ladder: fires <see cref="LeadWorkingDays"/> working days before the due date (a negative lead:
/// that many working days after it, e.g. −1 for the first working day after a limit has passed).
/// </summary>
public sealed record EscalationRung(string Rung, int LeadWorkingDays, IReadOnlyList<EscalationAudience> Notify, string Description);

/// <summary>Rungs that replace the default ladder for one kind and step.</summary>
public sealed record EscalationOverride(string Kind, string Step, IReadOnlyList<EscalationRung> Rungs);
