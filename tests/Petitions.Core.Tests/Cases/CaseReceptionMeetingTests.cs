using System.Text.Json;
using Petitions.Core.Cases;
using Petitions.Core.LegalClock;
using Petitions.Core.Tests.LegalClock;

namespace Petitions.Core.Tests.Cases;

public sealed class CaseReceptionMeetingTests
{
    private static readonly DeadlineCalculator Clock = LegalClockFixture.Calculator();
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(7));

    [Fact] // Luật Tiếp công dân 2013, Điều 27: the reception is recorded with the head's direction
    public void A_reception_meeting_is_recorded_on_the_case_with_attendees_direction_and_follow_up()
    {
        var @case = Case.Receive("C-0001", CaseKind.ComplaintFirstInstance, false, false, "officer-1", Start, Clock);
        @case.RecordReceptionMeeting(
            "qn-camtay-chu-tich-20260305", ["qn-camtay-head", "citizen"], "Land boundary", "Inspect the site within 10 days",
            new DateOnly(2026, 3, 16), "qn-camtay-head", Start.AddDays(3));

        var meeting = Assert.IsType<ReceptionMeetingRecorded>(@case.UncommittedEvents[^1]);
        Assert.Equal(2, meeting.Sequence);
        Assert.Equal("qn-camtay-chu-tich-20260305", meeting.SessionId);
        Assert.Equal(["qn-camtay-head", "citizen"], meeting.Attendees);
        Assert.Equal("Inspect the site within 10 days", meeting.Direction);
        Assert.Equal(new DateOnly(2026, 3, 16), meeting.FollowUpOn);
        var json = JsonSerializer.Serialize<CaseEvent>(meeting);
        Assert.Contains("\"type\":\"receptionMeeting\"", json, StringComparison.Ordinal);
        Assert.Equal(meeting.Direction, Assert.IsType<ReceptionMeetingRecorded>(JsonSerializer.Deserialize<CaseEvent>(json)).Direction);
    }

    [Fact]
    public void A_follow_up_before_the_meeting_or_a_meeting_without_direction_is_refused()
    {
        var @case = Case.Receive("C-0001", CaseKind.ComplaintFirstInstance, false, false, "officer-1", Start, Clock);
        Assert.Throws<ArgumentException>(() => @case.RecordReceptionMeeting(
            "s-20260305", ["citizen"], "raised", "direction", new DateOnly(2026, 3, 1), "head", Start));
        Assert.ThrowsAny<ArgumentException>(() => @case.RecordReceptionMeeting("s-20260305", ["citizen"], "raised", " ", null, "head", Start));
        Assert.Throws<ArgumentException>(() => @case.RecordReceptionMeeting("s-20260305", [], "raised", "direction", null, "head", Start));
        Assert.Single(@case.UncommittedEvents);
    }
}
