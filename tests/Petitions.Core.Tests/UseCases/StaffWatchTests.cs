using Petitions.Core.Calendar;
using Petitions.Core.Cases;
using Petitions.Core.Escalation;
using Petitions.Core.LegalClock;
using Petitions.Core.Organisation;
using Petitions.Core.Time;
using Petitions.Core.UseCases.Staff;

namespace Petitions.Core.Tests.UseCases;

/// <summary>The access rule of the watch from above, the head's and the deputies' desks, and the actions a case offers.</summary>
public sealed class StaffWatchTests
{
    private static readonly OrganisationChart Chart = OrganisationLoader.LoadDemo();
    private static readonly DeadlineCalculator Calculator = new(LegalLimits.LoadEmbedded(), VietnamWorkingCalendar.Default);

    // Monday 2 March 2026, 09:00 in Vietnam: a complaint to Cẩm Tây ward; its acceptance is due 12 March (10 days).
    private static readonly DateTimeOffset Filed = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(7));

    private static readonly StaffPrincipal Chairman = new("qn-head", "qn", StaffRole.Head);
    private static readonly StaffPrincipal ChiefInspector = new("qn-ttr-head", "qn-ttr", StaffRole.Head);
    private static readonly StaffPrincipal Inspector = new("qn-ttr-supervisor", "qn-ttr", StaffRole.Supervisor);
    private static readonly StaffPrincipal OtherHead = new("qn-halong-head", "qn-halong", StaffRole.Head);
    private static readonly StaffPrincipal WardHead = new("qn-camtay-head", "qn-camtay", StaffRole.Head);
    private static readonly StaffPrincipal WardDeputy = new("qn-camtay-deputy", "qn-camtay", StaffRole.Deputy);
    private static readonly StaffPrincipal WardOfficer = new("qn-camtay-officer1", "qn-camtay", StaffRole.Officer);

    private readonly ManualTimeProvider _time = new(Filed);

    private StaffWatch Watch => new(Chart, EscalationLadder.LoadEmbedded(), Calculator, _time);

    private static Case Received()
    {
        var @case = Case.Receive("HS-TEST-0001", CaseKind.ComplaintFirstInstance, false, false, "citizen", Filed, Calculator);
        @case.Route("qn-camtay", false, "qn-camtay-head", "qn-camtay-officer1", "Handle: Luật Khiếu nại 2011, Điều 17", "system", Filed, Calculator);
        return @case;
    }

    [Fact]
    public void The_provincial_chairman_and_the_chief_inspector_watch_the_ward_and_other_heads_do_not()
    {
        Assert.Contains(Watch.WatchedUnits(Chairman), u => u.Id == "qn-camtay");
        Assert.Contains(Watch.WatchedUnits(ChiefInspector), u => u.Id == "qn-camtay");
        Assert.Empty(Watch.WatchedUnits(OtherHead));
        Assert.Empty(Watch.WatchedUnits(Inspector)); // the supervisor role keeps its own, wider read right (StaffAccess)
        Assert.DoesNotContain(Watch.WatchedUnits(Chairman), u => u.Id == "qn");
    }

    [Fact]
    public void A_quiet_case_of_a_ward_is_closed_to_the_heads_above()
    {
        var @case = Received();

        Assert.False(Watch.MayRead(Chairman, @case, "qn-camtay"));
        Assert.False(Watch.MayRead(ChiefInspector, @case, "qn-camtay"));
        Assert.NotNull(Watch.InstructionRefusal(Chairman, @case, "qn-camtay"));
    }

    [Fact]
    public void On_the_last_working_day_before_its_due_date_the_heads_above_may_open_it_and_instruct()
    {
        var @case = Received();
        _time.SetUtcNow(new DateTimeOffset(2026, 3, 11, 8, 0, 0, TimeSpan.FromHours(7))); // Wednesday; due Thursday 12 March

        Assert.True(Watch.MayRead(Chairman, @case, "qn-camtay"));
        Assert.True(Watch.MayRead(ChiefInspector, @case, "qn-camtay"));
        Assert.False(Watch.MayRead(OtherHead, @case, "qn-camtay"));
        Assert.Null(Watch.InstructionRefusal(ChiefInspector, @case, "qn-camtay"));
        Assert.NotNull(Watch.InstructionRefusal(Inspector, @case, "qn-camtay"));
    }

    [Fact]
    public void The_supervisor_role_keeps_reading_every_case_of_the_units_it_supervises()
    {
        Assert.Null(StaffAccess.Refusal(Inspector, "qn-camtay", StaffRight.Read, Chart));
        Assert.NotNull(StaffAccess.Refusal(Inspector, "qn-camtay", StaffRight.Handle, Chart));
    }

    [Fact]
    public void From_the_watch_every_action_is_read_only_and_only_the_instruction_is_offered()
    {
        var @case = Received();
        _time.SetUtcNow(new DateTimeOffset(2026, 3, 11, 8, 0, 0, TimeSpan.FromHours(7)));

        var actions = new CaseActions(Chart, Calculator, Watch, _time).For(Chairman, @case, "qn-camtay");

        Assert.All(actions.Where(a => a.Action != "instruct"), a => Assert.Equal((false, "readOnly"), (a.Allowed, a.Why)));
        Assert.True(Assert.Single(actions, a => a.Action == "instruct").Allowed);
    }

    [Fact]
    public void A_received_complaint_offers_classify_and_reassign_and_says_why_not_resolve_or_close()
    {
        var actions = new CaseActions(Chart, Calculator, Watch, _time).For(WardHead, Received(), "qn-camtay").ToDictionary(a => a.Action);

        Assert.True(actions["classify"].Allowed);
        Assert.True(actions["reassign"].Allowed);
        Assert.Equal((false, "state"), (actions["resume"].Allowed, actions["resume"].Why));
        Assert.Equal((false, "state"), (actions["decision-sent"].Allowed, actions["decision-sent"].Why));
        Assert.DoesNotContain("instruct", actions.Keys);
    }

    [Fact]
    public void An_officer_is_not_offered_the_heads_actions_and_is_told_it_is_their_role()
    {
        var actions = new CaseActions(Chart, Calculator, Watch, _time).For(WardOfficer, Received(), "qn-camtay").ToDictionary(a => a.Action);

        Assert.Equal((false, "role"), (actions["reassign"].Allowed, actions["reassign"].Why));
        Assert.Equal((false, "role"), (actions["extend"].Allowed, actions["extend"].Why));
        Assert.True(actions["classify"].Allowed);
    }

    [Fact]
    public void An_accepted_case_offers_what_the_aggregate_allows_after_acceptance_and_the_probes_leave_it_as_it_was()
    {
        var @case = Received();
        @case.Accept("qn-camtay-officer1", Filed.AddHours(2), Calculator);

        var version = @case.Version;
        var actions = new CaseActions(Chart, Calculator, Watch, _time).For(WardHead, @case, "qn-camtay").ToDictionary(a => a.Action);

        Assert.False(actions["classify"].Allowed);
        Assert.True(actions["suspend"].Allowed);
        Assert.True(actions["resolve"].Allowed);
        Assert.Equal(version, @case.Version); // the probes ran on copies: the case itself did not move
        Assert.Equal(CaseStatus.Assigned, @case.Status); // accepted with its officer named
    }

    [Fact]
    public void The_heads_desk_is_the_whole_unit_a_deputy_with_fields_sees_the_officers_of_those_fields_and_an_officer_has_none()
    {
        var head = DeskScope.For(WardHead, Chart)!;
        var deputy = DeskScope.For(WardDeputy, Chart)!;

        Assert.Empty(head.Fields);
        Assert.True(head.Covers("qn-camtay-officer2"));
        Assert.Equal(["land", "construction"], deputy.Fields);
        Assert.True(deputy.Covers("qn-camtay-officer1"));
        Assert.False(deputy.Covers("qn-camtay-officer2"));
        Assert.Null(DeskScope.For(WardOfficer, Chart));
        Assert.Null(DeskScope.For(Inspector, Chart));
    }
}
