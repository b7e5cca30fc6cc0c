using Petitions.Core.Organisation;
using Petitions.Core.Reception;
using Petitions.Core.UseCases.Staff;

namespace Petitions.Core.UseCases.Reception;

/// <summary>The outcome of a staff action at a session.</summary>
public abstract record StaffReceptionResult
{
    private StaffReceptionResult()
    {
    }

    /// <summary>Done, with a value for the answer.</summary>
    public sealed record Done(object Value) : StaffReceptionResult;

    /// <summary>No such session or case (404).</summary>
    public sealed record NotFound(string What) : StaffReceptionResult;

    /// <summary>Not allowed (403).</summary>
    public sealed record Forbidden(string Why) : StaffReceptionResult;

    /// <summary>Field errors (400).</summary>
    public sealed record Invalid(IReadOnlyList<Common.FieldError> Errors) : StaffReceptionResult;

    /// <summary>Not possible in the session's state (409).</summary>
    public sealed record Conflict(string Why) : StaffReceptionResult;
}

/// <summary>Who may act at a session: staff of the session's unit who handle cases (officer, deputy, head).</summary>
public static class ReceptionStaffAccess
{
    /// <summary>Why not, or null.</summary>
    public static string? Refusal(StaffPrincipal who, ReceptionOccurrence session, OrganisationChart chart)
    {
        ArgumentNullException.ThrowIfNull(session);
        return StaffAccess.Refusal(who, session.UnitId, StaffRight.Handle, chart);
    }
}
