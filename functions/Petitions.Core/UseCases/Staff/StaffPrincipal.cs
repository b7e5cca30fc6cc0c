using Petitions.Core.Cases;
using Petitions.Core.Organisation;

namespace Petitions.Core.UseCases.Staff;

/// <summary>The signed-in member of staff, as the HTTP layer authenticated them.</summary>
public sealed record StaffPrincipal(string StaffId, string UnitId, StaffRole Role);

/// <summary>What a member of staff may do: act only within their unit (supervisors: the units they supervise).</summary>
public enum StaffRight
{
    /// <summary>Read the case.</summary>
    Read,

    /// <summary>Handle it: classify, mark complex, suspend, resume, resolve, close, record a withdrawal.</summary>
    Handle,

    /// <summary>Decide as the head: reassign, extend.</summary>
    Direct,
}

/// <summary>Authorization rules of the staff use cases.</summary>
public static class StaffAccess
{
    /// <summary>The units whose cases the principal sees.</summary>
    public static IReadOnlyList<string> Units(StaffPrincipal who, OrganisationChart chart)
    {
        ArgumentNullException.ThrowIfNull(who);
        ArgumentNullException.ThrowIfNull(chart);
        return who.Role == StaffRole.Supervisor
            ? [.. chart.SupervisedBy(who.UnitId).Select(u => u.Id)]
            : [who.UnitId];
    }

    /// <summary>Why the principal may not do this with a case of <paramref name="caseUnitId"/>, or null when they may.</summary>
    public static string? Refusal(StaffPrincipal who, string caseUnitId, StaffRight permission, OrganisationChart chart)
    {
        ArgumentNullException.ThrowIfNull(who);
        if (chart?.FindStaff(who.StaffId) is not { } member || member.UnitId != who.UnitId || member.Role != who.Role)
        {
            return "Unknown member of staff.";
        }

        if (!Units(who, chart).Contains(caseUnitId, StringComparer.Ordinal))
        {
            return "The case belongs to another unit.";
        }

        var allowed = permission switch
        {
            StaffRight.Read => true,
            StaffRight.Handle => who.UnitId == caseUnitId && who.Role is StaffRole.Officer or StaffRole.Deputy or StaffRole.Head,
            _ => who.UnitId == caseUnitId && who.Role is StaffRole.Deputy or StaffRole.Head,
        };
        return allowed ? null : $"A {who.Role} may not do this.";
    }

    /// <summary>
    /// Whether the principal sees the citizen's identity in clear: for a denunciation only the assigned officer and
    /// the responsible head (Luật Tố cáo 2018, Điều 47: protecting the denouncer); for other kinds the unit's staff.
    /// </summary>
    public static bool SeesIdentity(StaffPrincipal who, Case @case, string caseUnitId)
    {
        ArgumentNullException.ThrowIfNull(who);
        ArgumentNullException.ThrowIfNull(@case);
        return @case.Kind == CaseKind.Denunciation
            ? who.StaffId == @case.OfficerId || who.StaffId == @case.ResponsibleHeadId
            : who.UnitId == caseUnitId && who.Role is StaffRole.Officer or StaffRole.Deputy or StaffRole.Head;
    }
}
