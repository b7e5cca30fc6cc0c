using Petitions.Core.Cases;
using Petitions.Core.Organisation;
using Petitions.Core.UseCases.Common;

namespace Petitions.Core.Tests.UseCases;

/// <summary>What the timeline says of an event to the citizen (public) and to staff.</summary>
public sealed class TimelineTextTests
{
    private static readonly OrganisationChart Chart = OrganisationLoader.LoadDemo();

    // 16:30 on 5 March 2026 in Vietnam, 09:30 UTC.
    private static readonly DateTimeOffset Afternoon = new(2026, 3, 5, 9, 30, 0, TimeSpan.Zero);

    private static ReceptionMeetingRecorded Meeting(DateOnly? followUp, DateTimeOffset? at = null) =>
        new("qn-camtay-chu-tich-20260305", ["qn-camtay-head", "citizen"], "Hàng xóm Nguyễn Văn Bình lấn đất", "Kiểm tra hiện trạng với ông Bình", followUp)
        {
            CaseId = "HS-0000-0001", Sequence = 4, Actor = "qn-camtay-head", At = at ?? Afternoon,
        };

    [Fact]
    public void A_reception_meeting_has_its_own_wire_type() =>
        Assert.Equal("receptionMeeting", TimelineText.TypeOf(Meeting(null)));

    [Fact]
    public void The_public_text_of_a_reception_meeting_gives_its_date_and_the_follow_up_in_both_languages()
    {
        var text = TimelineText.Public(Meeting(new DateOnly(2026, 3, 16)), Chart);

        Assert.Equal(
            ("Met the head at the reception session on 05/03/2026; follow-up on 16/03/2026.",
             "Đã gặp lãnh đạo tại buổi tiếp công dân ngày 05/03/2026; hẹn trả lời ngày 16/03/2026."),
            text);
    }

    [Fact]
    public void Without_a_follow_up_the_public_text_names_none_and_the_date_is_the_meeting_day_in_Vietnam()
    {
        // 23:30 UTC on 4 March is 06:30 on 5 March in Vietnam.
        var text = TimelineText.Public(Meeting(null, new DateTimeOffset(2026, 3, 4, 23, 30, 0, TimeSpan.Zero)), Chart);

        Assert.Equal(("Met the head at the reception session on 05/03/2026.", "Đã gặp lãnh đạo tại buổi tiếp công dân ngày 05/03/2026."), text);
    }

    [Fact] // Luật Tố cáo 2018, Điều 47–48: nothing raised or directed (it may name people) reaches the public lookup
    public void The_public_text_carries_nothing_raised_directed_or_attended()
    {
        var meeting = Meeting(new DateOnly(2026, 3, 16));
        var (en, vi) = TimelineText.Public(meeting, Chart)!.Value;

        foreach (var text in new[] { en, vi })
        {
            Assert.DoesNotContain("Bình", text, StringComparison.Ordinal);
            Assert.DoesNotContain(meeting.Raised, text, StringComparison.Ordinal);
            Assert.DoesNotContain(meeting.Direction, text, StringComparison.Ordinal);
            Assert.DoesNotContain("qn-camtay", text, StringComparison.Ordinal);
            Assert.DoesNotContain(Chart.FindStaff("qn-camtay-head")!.Name, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_staff_values_of_a_reception_meeting_give_the_session_the_day_the_direction_and_the_follow_up()
    {
        var values = TimelineValues.Of(Meeting(new DateOnly(2026, 3, 16)), Chart);

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["sessionId"] = "qn-camtay-chu-tich-20260305", ["on"] = "2026-03-05", ["direction"] = "Kiểm tra hiện trạng với ông Bình",
                ["followUpOn"] = "2026-03-16",
            },
            values);
        Assert.DoesNotContain("followUpOn", TimelineValues.Of(Meeting(null), Chart).Keys);
    }

    [Fact]
    public void The_receipt_of_a_forwarded_case_names_both_units_to_the_citizen_and_the_people_only_to_staff()
    {
        var received = new ForwardedCaseReceived("qn-camtay", "qn-snnmt", "qn-snnmt-head", "qn-snnmt-officer2", new DateOnly(2026, 3, 4))
        {
            CaseId = "HS-0000-0001", Sequence = 5, Actor = "system", At = Afternoon,
        };

        Assert.Equal("forwardReceived", TimelineText.TypeOf(received));
        var (en, vi) = TimelineText.Public(received, Chart)!.Value;
        Assert.Equal("Quang Ninh Department of Agriculture and Environment received your letter, forwarded by Cam Tay Ward People's Committee, on 2026-03-04.", en);
        Assert.Equal("Sở Nông nghiệp và Môi trường tỉnh Quảng Ninh đã tiếp nhận đơn do Ủy ban nhân dân phường Cẩm Tây chuyển đến ngày 04/03/2026.", vi);
        var staff = TimelineValues.Of(received, Chart);
        Assert.Equal(Chart.FindStaff("qn-snnmt-officer2")!.Name, staff["officerIdName"]);
        Assert.Equal(Chart.FindStaff("qn-snnmt-head")!.Name, staff["responsibleHeadIdName"]);
        Assert.Equal(("Ủy ban nhân dân phường Cẩm Tây", "Cam Tay Ward People's Committee"), (staff["fromUnitName"], staff["fromUnitNameEn"]));
        Assert.Equal("2026-03-04", staff["receivedOn"]);
        Assert.DoesNotContain(Chart.FindStaff("qn-snnmt-officer2")!.Name, en + vi, StringComparison.Ordinal);
    }

    [Fact]
    public void The_routing_rule_stored_as_a_sentence_becomes_an_outcome_code_and_its_source()
    {
        var routed = new CaseRouted("qn-camtay", "qn-camtay-head", "qn-camtay-officer1", "Handle: Luật Khiếu nại 2011, Điều 17")
        {
            CaseId = "HS-0000-0001", Sequence = 2, Actor = "system", At = Afternoon,
        };

        var values = TimelineValues.Of(routed, Chart);

        Assert.Equal(("handle", "Luật Khiếu nại 2011, Điều 17"), (values["outcome"], values["source"]));
        Assert.DoesNotContain("rule", values.Keys);
        Assert.Equal("Ủy ban nhân dân phường Cẩm Tây", values["unitIdName"]);
    }

    [Fact]
    public void An_escalation_lists_whom_it_notified_as_codes_and_its_dates_as_legal_dates()
    {
        var fired = new EscalationFired("resolve", "supervisor", new DateOnly(2026, 3, 9), new DateOnly(2026, 3, 6), "resolve|2026-03-09|supervisor",
            [Core.Escalation.EscalationAudience.UnitHead, Core.Escalation.EscalationAudience.SupervisingLevel])
        {
            CaseId = "HS-0000-0001", Sequence = 7, Actor = "system", At = Afternoon,
        };

        var values = TimelineValues.Of(fired, Chart);

        Assert.Equal("unitHead, supervisingLevel", values["notified"]);
        Assert.Equal(("resolve", "supervisor", "2026-03-09"), (values["step"], values["rung"], values["due"]));
        Assert.DoesNotContain("caseId", values.Keys);
        Assert.DoesNotContain("type", values.Keys);
    }
}
