namespace Petitions.Core.Cases;

/// <summary>An action that the case's state (or kind) does not allow. Never a silent no-op.</summary>
public sealed class InvalidCaseTransitionException : Exception
{
    /// <summary>Creates the exception for an action attempted in a state.</summary>
    public InvalidCaseTransitionException(string caseId, CaseStatus state, CaseAction action, string reason)
        : base($"Case {caseId}: cannot {action} while {state}: {reason}")
    {
        CaseId = caseId;
        State = state;
        Action = action;
        Reason = reason;
    }

    /// <summary>The case.</summary>
    public string CaseId { get; }

    /// <summary>The state the case was in.</summary>
    public CaseStatus State { get; }

    /// <summary>The action attempted.</summary>
    public CaseAction Action { get; }

    /// <summary>Why it is not allowed.</summary>
    public string Reason { get; }
}
