using Petitions.Core.Organisation;

namespace Petitions.Core.UseCases.Staff;

/// <summary>
/// Whose cases a desk shows. The head's desk is the whole unit: the head answers personally for every letter of the
/// unit (Luật Tiếp công dân 2013, Điều 4; Luật Khiếu nại 2011, Điều 18; Luật Tố cáo 2018, Điều 13). A deputy
/// (phó chủ tịch, phó giám đốc) directs the fields the head gives them (phân công phụ trách lĩnh vực): with fields in the
/// organisation data, their desk holds the cases of the officers who work in one of those fields, and their own; a
/// deputy without fields has the head's whole desk. Officers and other roles have no desk.
/// </summary>
/// <param name="UnitId">The unit.</param>
/// <param name="Fields">The deputy's fields; empty for the whole unit.</param>
/// <param name="Officers">The members whose cases the desk shows and who can be given cases (officers and deputies).</param>
public sealed record DeskScope(string UnitId, IReadOnlyList<string> Fields, IReadOnlyList<StaffMember> Officers)
{
    /// <summary>The desk of <paramref name="who"/>, or null when they have none.</summary>
    public static DeskScope? For(StaffPrincipal who, OrganisationChart chart)
    {
        ArgumentNullException.ThrowIfNull(who);
        ArgumentNullException.ThrowIfNull(chart);
        if (chart.FindStaff(who.StaffId) is not { } member || member.UnitId != who.UnitId || member.Role != who.Role
            || member.Role is not (StaffRole.Head or StaffRole.Deputy))
        {
            return null;
        }

        var handlers = chart.StaffOf(member.UnitId).Where(s => s.Role is StaffRole.Officer or StaffRole.Deputy).ToList();
        if (member.Role == StaffRole.Head || member.Fields.Count == 0)
        {
            return new DeskScope(member.UnitId, [], handlers);
        }

        var mine = handlers.Where(s => s.Id == member.Id || s.Fields.Intersect(member.Fields, StringComparer.Ordinal).Any()).ToList();
        return new DeskScope(member.UnitId, member.Fields, mine);
    }

    /// <summary>Whether a case handled by <paramref name="officerId"/> is on this desk (a case with no officer yet is the whole unit's).</summary>
    public bool Covers(string? officerId) =>
        Fields.Count == 0 || (officerId is not null && Officers.Any(o => o.Id == officerId));
}
