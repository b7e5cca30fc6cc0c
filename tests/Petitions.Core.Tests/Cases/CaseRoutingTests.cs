using Petitions.Core.Cases;
using Petitions.Core.Escalation;
using Petitions.Core.Organisation;
using Petitions.Core.Tests.LegalClock;
using Petitions.Core.UseCases.Staff;

namespace Petitions.Core.Tests.Cases;

public sealed class CaseRoutingTests
{
    private static readonly Petitions.Core.LegalClock.DeadlineCalculator Clock = LegalClockFixture.Calculator();
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(7));

    [Fact] // Luật Khiếu nại 2011, Điều 28: 45 days in a remote area
    public void Routing_to_a_remote_unit_names_the_head_and_officer_and_lengthens_the_resolution_once_accepted()
    {
        var c = Case.Receive("HS-0000-0001", CaseKind.ComplaintFirstInstance, false, false, "citizen", Start, Clock);
        c.Route("qn-coto", remoteArea: true, "qn-coto-head", "qn-coto-officer1", "Handle: rule", "system", Start, Clock);
        c.Accept("qn-coto-officer1", Start.AddDays(1), Clock);

        Assert.Equal(CaseStatus.Assigned, c.Status);
        Assert.Equal(("qn-coto", "qn-coto-head", "qn-coto-officer1"), (c.UnitId, c.ResponsibleHeadId, c.OfficerId));
        Assert.Equal(45, Assert.Single(c.RunningClocks).Limit);
        Assert.Throws<InvalidCaseTransitionException>(() => c.Route("qn", false, "qn-head", "qn-officer1", "r", "system", Start, Clock));
    }

    [Fact]
    public void A_rung_is_recorded_once_and_survives_a_snapshot_round_trip()
    {
        var c = Case.Receive("HS-0000-0002", CaseKind.Petition, false, false, "citizen", Start, Clock);
        var clock = Assert.Single(WatchedClock.Of(c));
        var rung = new DueRung(clock, new EscalationRung("reminder", 5, [EscalationAudience.HandlingOfficer], "r"), clock.Due, "k1");

        c.RecordEscalation(rung, "system", Start);
        var restored = Case.Restore(c.ToSnapshot());

        Assert.Contains("k1", restored.FiredRungs);
        Assert.Equal("reminder", restored.LastRung);
        Assert.Throws<InvalidCaseTransitionException>(() => restored.RecordEscalation(rung, "system", Start));
    }

    [Fact]
    public void Staff_act_in_their_own_unit_supervisors_read_the_units_they_supervise_and_outsiders_nothing()
    {
        var chart = OrganisationLoader.LoadDemo();
        StaffPrincipal Who(string id) => new(id, chart.FindStaff(id)!.UnitId, chart.FindStaff(id)!.Role);

        Assert.Null(StaffAccess.Refusal(Who("qn-camtay-officer1"), "qn-camtay", StaffRight.Handle, chart));
        Assert.NotNull(StaffAccess.Refusal(Who("qn-camtay-officer1"), "qn-camtay", StaffRight.Direct, chart));
        Assert.Null(StaffAccess.Refusal(Who("qn-camtay-head"), "qn-camtay", StaffRight.Direct, chart));
        Assert.NotNull(StaffAccess.Refusal(Who("qn-halong-head"), "qn-camtay", StaffRight.Read, chart));
        Assert.Null(StaffAccess.Refusal(Who("qn-ttr-supervisor"), "qn-camtay", StaffRight.Read, chart));
        Assert.NotNull(StaffAccess.Refusal(Who("qn-ttr-supervisor"), "qn-camtay", StaffRight.Handle, chart));
        Assert.NotNull(StaffAccess.Refusal(new StaffPrincipal("qn-camtay-officer1", "qn-camtay", StaffRole.Head), "qn-camtay", StaffRight.Direct, chart));
    }
}
