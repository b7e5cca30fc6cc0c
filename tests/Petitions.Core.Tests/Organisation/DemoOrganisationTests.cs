using Petitions.Core.Organisation;

namespace Petitions.Core.Tests.Organisation;

public sealed class DemoOrganisationTests
{
    private static readonly OrganisationChart Demo = OrganisationLoader.LoadDemo();

    [Fact]
    public void The_demo_is_marked_demo_and_has_a_province_its_inspectorate_two_departments_and_four_communes()
    {
        Assert.True(Demo.IsDemo);
        Assert.Contains("demo", Demo.Name, StringComparison.OrdinalIgnoreCase);
        Assert.Single(Demo.Units, u => u.Level == UnitLevel.Province);
        Assert.Single(Demo.Units, u => u.Level == UnitLevel.Inspectorate);
        Assert.Equal(2, Demo.Units.Count(u => u.Level == UnitLevel.Department));
        Assert.Equal(4, Demo.Units.Count(u => u.Level.IsCommuneLevel()));
        Assert.Single(Demo.Units, u => u.Level.IsCommuneLevel() && u.RemoteArea);
    }

    [Fact]
    public void Every_unit_has_exactly_one_head_and_at_least_one_handling_officer()
    {
        foreach (var unit in Demo.Units)
        {
            Assert.Equal(StaffRole.Head, Demo.HeadOf(unit.Id).Role);
            Assert.NotEmpty(Demo.OfficersOf(unit.Id));
        }
    }

    [Fact]
    public void Communes_and_departments_are_supervised_by_the_provincial_inspectorate()
    {
        Assert.Equal("qn-ttr", Demo.SupervisorOf("qn-camtay")?.Id);
        Assert.Equal("qn-ttr", Demo.SupervisorOf("qn-sxd")?.Id);
        Assert.Contains(Demo.SupervisedBy("qn-ttr"), u => u.Id == "qn-coto");
    }

    [Fact]
    public void A_first_complaint_about_a_ward_chairmans_decision_is_resolved_by_that_ward_LKN_Art_17()
    {
        var decision = Demo.DecideCompetence(new CompetenceQuery("complaint", 1, "qn-camtay", "qn-camtay", ConcerningHead: true));

        Assert.Equal(CompetenceOutcome.Handle, decision.Outcome);
        Assert.Equal("qn-camtay", decision.ResolvingUnitId);
        Assert.Contains("Điều 17", decision.Rule.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void A_second_complaint_about_a_ward_chairmans_decision_is_resolved_by_the_provincial_chairman_LKN_Art_21()
    {
        var decision = Demo.DecideCompetence(new CompetenceQuery("complaint", 2, "qn-camtay", "qn-camtay", ConcerningHead: true));

        Assert.Equal(CompetenceOutcome.Forward, decision.Outcome);
        Assert.Equal("qn", decision.ResolvingUnitId);
        Assert.Equal("Chủ tịch UBND tỉnh", Demo.HeadOf(decision.ResolvingUnitId!).Title);
    }

    [Fact]
    public void A_second_complaint_about_the_provincial_chairman_guides_the_citizen_outside_LKN_Art_22_to_24()
    {
        var decision = Demo.DecideCompetence(new CompetenceQuery("complaint", 2, "qn", "qn", ConcerningHead: true));

        Assert.Equal(CompetenceOutcome.Guide, decision.Outcome);
        Assert.Null(decision.ResolvingUnitId);
    }

    [Fact]
    public void A_denunciation_of_a_commune_head_goes_to_the_superior_body_LTC_Art_13()
    {
        var decision = Demo.DecideCompetence(new CompetenceQuery("denunciation", 1, "qn-quangha", "qn-quangha", ConcerningHead: true));

        Assert.Equal(CompetenceOutcome.Forward, decision.Outcome);
        Assert.Equal("qn", decision.ResolvingUnitId);
    }

    [Fact]
    public void A_denunciation_of_a_department_official_filed_at_a_ward_is_forwarded_to_the_department_LTC_Art_13()
    {
        var decision = Demo.DecideCompetence(new CompetenceQuery("denunciation", 1, "qn-halong", "qn-sxd", ConcerningHead: false));

        Assert.Equal(CompetenceOutcome.Forward, decision.Outcome);
        Assert.Equal("qn-sxd", decision.ResolvingUnitId);
    }

    [Fact]
    public void A_petition_concerning_no_unit_is_handled_where_it_was_filed()
    {
        var decision = Demo.DecideCompetence(new CompetenceQuery("petition", 1, "qn-coto", null, ConcerningHead: false));

        Assert.Equal(CompetenceOutcome.Handle, decision.Outcome);
        Assert.Equal("qn-coto", decision.ResolvingUnitId);
    }

    [Fact]
    public void Every_rule_cites_its_source()
    {
        Assert.All(Demo.Rules, r => Assert.Matches("(Luật|Thông tư)", r.Source));
    }

    [Fact]
    public void Officers_come_in_a_stable_order_for_round_robin_assignment()
    {
        var officers = Demo.OfficersOf("qn-camtay").Select(o => o.Id).ToList();

        Assert.Equal(officers.Order(StringComparer.Ordinal), officers);
        Assert.Equal(2, officers.Count);
    }
}
