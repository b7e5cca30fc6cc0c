using Petitions.Core.Calendar;
using Petitions.Core.Cases;
using Petitions.Core.Escalation;
using Petitions.Core.LegalClock;
using Petitions.Core.Organisation;

namespace Petitions.Core.UseCases.Staff;

/// <summary>
/// The watch from above (docs/access.md): the head of a unit's supervising unit (<c>supervisorId</c>, e.g. the chief
/// provincial inspector) and the head of its parent (e.g. the provincial chairman) watch its cases that are about to
/// slip past its level — escalated to the supervising level or past due, or due within the supervisor rung's lead —
/// and may open those read-only and give an instruction (chỉ đạo). A quiet case of a unit below stays closed to them:
/// its handling is the unit's head's (Luật Khiếu nại 2011, Điều 17–19; Luật Tố cáo 2018, Điều 13–14), and the
/// provincial chairman comes in as the second instance (Luật Khiếu nại 2011, Điều 21) or as the one who directs the
/// province's handling. The legal basis of each role is in docs/access.md. The <c>supervisor</c> role keeps what it
/// had: every case of the units its unit supervises, read-only.
/// </summary>
public sealed class StaffWatch(OrganisationChart chart, EscalationLadder ladder, DeadlineCalculator calculator, TimeProvider time)
{
    private static readonly HashSet<string> AboveRungs = new(StringComparer.Ordinal) { "supervisor", "overdue" };

    /// <summary>The supervisor rung's lead (working days before the due date), the horizon of "about to slip".</summary>
    public int LeadWorkingDays => ladder.Default.FirstOrDefault(r => r.Rung == "supervisor")?.LeadWorkingDays ?? 1;

    /// <summary>The last due date that counts as at risk today.</summary>
    public DateOnly RiskHorizon(DateOnly today) => calculator.Calendar.AddWorkingDays(today, LeadWorkingDays);

    /// <summary>Today in Vietnam.</summary>
    public DateOnly Today => VietnamDate.Of(time.GetUtcNow());

    /// <summary>Whether a latest rung puts a case at the level above.</summary>
    public static bool IsAboveRung(string? rung) => rung is not null && AboveRungs.Contains(rung);

    /// <summary>The units <paramref name="who"/> watches as a head above them (empty for everyone else).</summary>
    public IReadOnlyList<Unit> WatchedUnits(StaffPrincipal who)
    {
        ArgumentNullException.ThrowIfNull(who);
        if (who.Role != StaffRole.Head || chart.FindStaff(who.StaffId) is not { Role: StaffRole.Head } member || member.UnitId != who.UnitId)
        {
            return [];
        }

        return [.. chart.Units.Where(u => u.Id != who.UnitId && (u.SupervisorId == who.UnitId || u.ParentId == who.UnitId))];
    }

    /// <summary>Whether the case is at risk today: open, and escalated to the level above, past due, or due within the lead.</summary>
    public bool AtRisk(Case @case)
    {
        ArgumentNullException.ThrowIfNull(@case);
        if (!@case.IsOpen)
        {
            return false;
        }

        var horizon = RiskHorizon(Today);
        return IsAboveRung(@case.LastRung) || @case.RunningClocks.Any(c => c.Due <= horizon);
    }

    /// <summary>Whether <paramref name="who"/> may open this case from the watch (read-only).</summary>
    public bool MayRead(StaffPrincipal who, Case @case, string caseUnitId) =>
        WatchedUnits(who).Any(u => u.Id == caseUnitId) && AtRisk(@case);

    /// <summary>Why <paramref name="who"/> may not give an instruction on this case, or null when they may.</summary>
    public string? InstructionRefusal(StaffPrincipal who, Case @case, string caseUnitId)
    {
        ArgumentNullException.ThrowIfNull(@case);
        if (!WatchedUnits(who).Any(u => u.Id == caseUnitId))
        {
            return "Only a head of a level above the case's unit gives instructions on it.";
        }

        return AtRisk(@case) ? null : "The case is not at risk: it is the unit's to handle.";
    }
}
