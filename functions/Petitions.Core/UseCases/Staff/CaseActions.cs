using Petitions.Core.Cases;
using Petitions.Core.LegalClock;
using Petitions.Core.Organisation;

namespace Petitions.Core.UseCases.Staff;

/// <summary>
/// One action of the case page and whether the reader may take it now. <paramref name="Why"/> says why not, as a code
/// the page translates: <c>role</c> (the reader's role or unit may not), <c>readOnly</c> (opened from the watch above:
/// read and instruct only), <c>state</c> (the case's state or clocks do not allow it; <paramref name="Detail"/> is the
/// aggregate's own reason, in English, for logs and API clients), <c>noOtherOfficer</c> (nobody else to give it to).
/// </summary>
public sealed record ActionAvailability(string Action, bool Allowed, string? Why = null, string? Detail = null);

/// <summary>
/// Which actions the case page offers, from the same rules the server enforces: the right is checked by
/// <see cref="StaffAccess.Refusal"/> with each action's <see cref="StaffRight"/>, as the action's use case does, and the
/// state by applying the action to a copy of the case (restored from its snapshot) with the aggregate's own guards, so
/// the page cannot drift from the rules. A probe that fails for its placeholder input (not its state) counts as
/// allowed: the fields the staff fill in are checked when the action is sent.
/// </summary>
public sealed class CaseActions(OrganisationChart chart, DeadlineCalculator calculator, StaffWatch watch, TimeProvider time)
{
    private const string Probe = "probe";

    /// <summary>The actions in the order the page shows them, with the right each needs.</summary>
    public static readonly IReadOnlyList<(string Action, StaffRight Right)> All =
    [
        ("classify", StaffRight.Handle), ("reassign", StaffRight.Direct), ("mark-complex", StaffRight.Handle), ("extend", StaffRight.Direct),
        ("suspend", StaffRight.Handle), ("resume", StaffRight.Handle), ("resolve", StaffRight.Handle), ("decision-sent", StaffRight.Handle),
        ("second-complaint", StaffRight.Handle), ("lawsuit", StaffRight.Handle), ("end-handling", StaffRight.Handle),
        ("reception-answered", StaffRight.Handle), ("filing-obstacle", StaffRight.Handle), ("close", StaffRight.Handle),
        ("withdraw", StaffRight.Handle),
    ];

    /// <summary>What <paramref name="who"/> may do with the case now.</summary>
    public IReadOnlyList<ActionAvailability> For(StaffPrincipal who, Case @case, string caseUnitId)
    {
        ArgumentNullException.ThrowIfNull(who);
        ArgumentNullException.ThrowIfNull(@case);
        var watching = StaffAccess.Refusal(who, caseUnitId, StaffRight.Read, chart) is not null;
        var list = new List<ActionAvailability>();
        foreach (var (action, right) in All)
        {
            if (watching)
            {
                list.Add(new(action, false, "readOnly"));
            }
            else if (StaffAccess.Refusal(who, caseUnitId, right, chart) is { } refusal)
            {
                list.Add(new(action, false, "role", refusal));
            }
            else
            {
                list.Add(Try(action, @case, caseUnitId, who.StaffId));
            }
        }

        if (watch.WatchedUnits(who).Any(u => u.Id == caseUnitId))
        {
            list.Add(watch.InstructionRefusal(who, @case, caseUnitId) is { } why
                ? new("instruct", false, "state", why)
                : Try("instruct", @case, caseUnitId, who.StaffId));
        }

        return list;
    }

    private ActionAvailability Try(string action, Case original, string unitId, string actor)
    {
        var c = Case.Restore(original.ToSnapshot());
        var at = time.GetUtcNow();
        var today = VietnamDate.Of(at);
        try
        {
            switch (action)
            {
                case "classify":
                    c.Accept(actor, at, calculator);
                    break;
                case "reassign":
                    if (chart.StaffOf(unitId).FirstOrDefault(s => s.Role is StaffRole.Officer or StaffRole.Deputy && s.Id != c.OfficerId) is not { } other)
                    {
                        return new(action, false, "noOtherOfficer");
                    }

                    c.Reassign(other.Id, actor, at);
                    break;
                case "mark-complex":
                    c.MarkComplex(Probe, actor, at, calculator);
                    break;
                case "extend":
                    c.Extend(Probe, false, actor, at, calculator);
                    break;
                case "suspend":
                    c.Suspend(Probe, actor, at, calculator);
                    break;
                case "resume":
                    c.Resume(actor, at, calculator);
                    break;
                case "resolve":
                    if (c.Status == CaseStatus.Assigned)
                    {
                        c.StartWork(actor, at);
                    }

                    c.Resolve(Probe, actor, at, calculator, today);
                    break;
                case "decision-sent":
                    c.RecordDecisionSent(today, actor, at);
                    break;
                case "second-complaint" or "lawsuit":
                    c.RecordChallenge(action, today, Probe, actor, at);
                    break;
                case "end-handling":
                    c.EndHandling(Probe, today, actor, at, calculator);
                    break;
                case "reception-answered":
                    c.RecordReceptionAnswer(today, Probe, actor, at);
                    break;
                case "filing-obstacle":
                    c.RecordFilingObstacle(today.AddDays(-1), today.AddDays(-1), Probe, actor, at);
                    break;
                case "close":
                    c.Close(actor, at);
                    break;
                case "withdraw":
                    c.Withdraw(true, null, Probe, actor, at);
                    break;
                case "instruct":
                    c.RecordInstruction(unitId, Probe, actor, at);
                    break;
            }
        }
        catch (InvalidCaseTransitionException e)
        {
            return new(action, false, "state", e.Message);
        }
        catch (VariantNotApplicableException e)
        {
            return new(action, false, "state", e.Message);
        }
        catch (ArgumentException)
        {
            // The placeholder input, not the state: the real input is checked when the action is sent.
        }

        return new(action, true);
    }
}
