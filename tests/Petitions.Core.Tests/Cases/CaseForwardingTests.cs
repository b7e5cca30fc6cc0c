using System.Text.Json;
using Petitions.Core.Cases;
using Petitions.Core.Escalation;
using Petitions.Core.LegalClock;
using Petitions.Core.Ports;
using Petitions.Core.Tests.LegalClock;
using Petitions.Core.UseCases.Common;

namespace Petitions.Core.Tests.Cases;

/// <summary>
/// Chuyển đơn: a denunciation or petition outside the unit's competence is forwarded to the competent unit, which
/// receives it as a newly received letter (Luật Tố cáo 2018, Điều 24; Thông tư 05/2021/TT-TTCP, Điều 14).
/// </summary>
public sealed class CaseForwardingTests
{
    private static readonly DeadlineCalculator Clock = LegalClockFixture.Calculator();

    // 09:00 in Vietnam on Monday 2 March 2026.
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(7));

    private static DateTimeOffset Day(int n) => Start.AddDays(n);

    private static Case RoutedTo(string unit, CaseKind kind = CaseKind.Denunciation)
    {
        var @case = Case.Receive("HS-0000-0001", kind, false, false, "citizen", Start, Clock);
        @case.Route(unit, false, unit + "-head", unit + "-officer1", "Handle: rule", "system", Start, Clock);
        return @case;
    }

    [Fact] // Luật Tố cáo 2018, Điều 24: 7 working days of preliminary handling, counted again by the unit that receives it
    public void The_receiving_unit_gets_the_forwarded_denunciation_as_newly_received_with_its_clock_from_the_forwarding_date()
    {
        var @case = RoutedTo("qn-camtay");
        @case.Forward("qn-snnmt", "the official concerned works for the department", "qn-camtay-officer1", Day(2));

        Assert.Equal(CaseStatus.Forwarded, @case.Status);
        Assert.Equal(new ForwardHandOver("qn-snnmt", new DateOnly(2026, 3, 4)), @case.PendingHandOver);
        Assert.Empty(@case.RunningClocks);

        // The queue runs a day late: the clock still counts from the forward (Wed 4 March + 7 working days).
        @case.ReceiveForwarded("qn-camtay", false, "qn-snnmt-head", "qn-snnmt-officer2", "system", Day(3), Clock);

        Assert.Equal(CaseStatus.Received, @case.Status);
        Assert.Equal(("qn-snnmt", "qn-snnmt-head", "qn-snnmt-officer2"), (@case.UnitId, @case.ResponsibleHeadId, @case.OfficerId));
        Assert.Null(@case.PendingHandOver);
        Assert.Equal(["qn-camtay"], @case.ForwardedFrom);
        var clock = Assert.Single(@case.RunningClocks);
        Assert.Equal(("preliminary", new DateOnly(2026, 3, 4), 7, new DateOnly(2026, 3, 13)), (clock.Step, clock.Trigger, clock.Limit, clock.Due));
        Assert.Equal(new DateOnly(2026, 3, 4), @case.Clocks.Single(c => c.Status == ClockStatus.Stopped).StoppedOn);
        Assert.Equal(new DateOnly(2026, 3, 2), @case.ReceivedOn);
        var received = Assert.IsType<ForwardedCaseReceived>(@case.UncommittedEvents[^1]);
        Assert.Equal(("qn-camtay", "qn-snnmt", "qn-snnmt-head", "qn-snnmt-officer2", new DateOnly(2026, 3, 4)),
            (received.FromUnit, received.UnitId, received.ResponsibleHeadId, received.OfficerId, received.ReceivedOn));
        Assert.Equal(("system", Day(3)), (received.Actor, received.At));
    }

    [Fact] // Thông tư 05/2021/TT-TTCP: the receiving unit's own reply limit (10 working days by default)
    public void A_forwarded_petition_starts_the_reply_clock_again_from_the_forwarding_date()
    {
        var @case = RoutedTo("qn-camtay", CaseKind.Petition);
        @case.Forward("qn-sxd", "construction permits are the department's", "qn-camtay-officer1", Day(2));
        @case.ReceiveForwarded("qn-camtay", false, "qn-sxd-head", "qn-sxd-officer1", "system", Day(2), Clock);

        var clock = Assert.Single(@case.RunningClocks);
        Assert.Equal(("process", new DateOnly(2026, 3, 4), new DateOnly(2026, 3, 18)), (clock.Step, clock.Trigger, clock.Due));
    }

    [Fact]
    public void The_receiving_unit_takes_the_case_in_once_and_a_second_receipt_is_refused_without_change()
    {
        var @case = RoutedTo("qn-camtay");
        @case.Forward("qn-snnmt", "outside competence", "qn-camtay-officer1", Day(1));
        @case.ReceiveForwarded("qn-camtay", false, "qn-snnmt-head", "qn-snnmt-officer1", "system", Day(1), Clock);
        var before = JsonSerializer.Serialize(@case.ToSnapshot());

        var e = Assert.Throws<InvalidCaseTransitionException>(
            () => @case.ReceiveForwarded("qn-camtay", false, "qn-snnmt-head", "qn-snnmt-officer2", "system", Day(1), Clock));

        Assert.Equal((CaseStatus.Received, CaseAction.ReceiveForwarded), (e.State, e.Action));
        Assert.Equal(before, JsonSerializer.Serialize(@case.ToSnapshot()));
        Assert.Single(@case.UncommittedEvents.OfType<ForwardedCaseReceived>());
    }

    [Fact]
    public void A_forward_awaiting_receipt_cannot_be_closed_and_a_unit_cannot_forward_to_itself()
    {
        var @case = RoutedTo("qn-camtay");
        Assert.Throws<InvalidCaseTransitionException>(() => @case.Forward("qn-camtay", "r", "qn-camtay-officer1", Day(1)));
        Assert.Equal(CaseStatus.Received, @case.Status);

        @case.Forward("qn-snnmt", "outside competence", "qn-camtay-officer1", Day(1));
        var e = Assert.Throws<InvalidCaseTransitionException>(() => @case.Close("qn-camtay-head", Day(2)));
        Assert.Equal(CaseAction.Close, e.Action);
        Assert.Throws<InvalidCaseTransitionException>(() => @case.ReceiveForwarded("qn-snnmt", false, "h", "o", "system", Day(2), Clock));
        Assert.Equal(CaseStatus.Forwarded, @case.Status);
    }

    [Fact]
    public void An_earlier_escalation_does_not_follow_the_case_to_the_receiving_unit()
    {
        var @case = RoutedTo("qn-camtay");
        var watched = Assert.Single(WatchedClock.Of(@case));
        @case.RecordEscalation(new DueRung(watched, new EscalationRung("unit-head", 2, [EscalationAudience.UnitHead], "r"), watched.Due, "k-a"), "system", Day(5));
        @case.Forward("qn-snnmt", "outside competence", "qn-camtay-officer1", Day(6));
        @case.ReceiveForwarded("qn-camtay", false, "qn-snnmt-head", "qn-snnmt-officer1", "system", Day(6), Clock);

        Assert.Null(@case.LastRung);
        Assert.Contains("k-a", @case.FiredRungs);
        Assert.NotEqual(watched.Due, Assert.Single(WatchedClock.Of(@case)).Due);
    }

    [Fact]
    public void A_case_forwarded_on_again_remembers_every_unit_that_forwarded_it_through_a_snapshot_round_trip()
    {
        var @case = RoutedTo("qn-camtay", CaseKind.Petition);
        @case.Forward("qn-snnmt", "land", "qn-camtay-officer1", Day(1));
        @case.ReceiveForwarded("qn-camtay", false, "qn-snnmt-head", "qn-snnmt-officer1", "system", Day(1), Clock);
        @case.Forward("qn-sxd", "construction", "qn-snnmt-officer1", Day(2));

        var restored = Case.Restore(JsonSerializer.Deserialize<CaseSnapshot>(JsonSerializer.Serialize(@case.ToSnapshot()))!);
        Assert.Equal(new ForwardHandOver("qn-sxd", new DateOnly(2026, 3, 4)), restored.PendingHandOver);
        restored.ReceiveForwarded("qn-snnmt", false, "qn-sxd-head", "qn-sxd-officer1", "system", Day(2), Clock);

        Assert.Equal(["qn-camtay", "qn-snnmt"], restored.ForwardedFrom);
        Assert.Equal("qn-sxd", restored.UnitId);
        var events = JsonSerializer.Deserialize<List<CaseEvent>>(JsonSerializer.Serialize<IReadOnlyList<CaseEvent>>([.. @case.UncommittedEvents, .. restored.UncommittedEvents]))!;
        Assert.Equal(2, events.OfType<ForwardedCaseReceived>().Count());
        Assert.Contains("\"type\":\"forwardReceived\"", JsonSerializer.Serialize<CaseEvent>(restored.UncommittedEvents[^1]), StringComparison.Ordinal);
    }

    [Fact]
    public void A_forward_stored_before_hand_overs_existed_stays_forwarded_and_can_be_closed()
    {
        var legacy = RoutedTo("qn-camtay").ToSnapshot() with { Status = CaseStatus.Forwarded, Clocks = [] };
        var @case = Case.Restore(JsonSerializer.Deserialize<CaseSnapshot>(JsonSerializer.Serialize(legacy).Replace(",\"PendingHandOver\":null", string.Empty, StringComparison.Ordinal))!);

        Assert.Null(@case.PendingHandOver);
        Assert.Throws<InvalidCaseTransitionException>(() => @case.ReceiveForwarded("qn-camtay", false, "h", "o", "system", Day(1), Clock));
        @case.Close("qn-camtay-head", Day(1));
        Assert.Equal(CaseStatus.Closed, @case.Status);
    }

    [Fact] // The forwarding unit keeps the letter in its register of letters sent on; the case belongs to the receiver
    public void After_receipt_the_forwarding_unit_lists_the_case_as_forwarded_and_the_receiving_unit_as_received()
    {
        var entries = new CaseIndexEntries(new EscalationPolicy(EscalationLadder.LoadEmbedded(), LegalClockFixture.WorkingCalendar));
        var letter = new CaseLetter("qn-camtay", "Đất", "Nội dung", new SealedPerson("sealed", "sealed", null), null, "web", null, [], 1, "hash", Start, new DateOnly(2026, 3, 2));
        var @case = RoutedTo("qn-camtay");
        @case.Forward("qn-snnmt", "outside competence", "qn-camtay-officer1", Day(1));
        @case.ReceiveForwarded("qn-camtay", false, "qn-snnmt-head", "qn-snnmt-officer1", "system", Day(1), Clock);

        var keys = entries.For(@case, letter).Select(e => e.Key.Partition).ToList();

        Assert.Contains("unit-qn-snnmt-received", keys);
        Assert.Contains("unit-qn-camtay-forwarded", keys);
        Assert.DoesNotContain(keys, k => k.StartsWith("unit-qn-camtay-", StringComparison.Ordinal) && k != "unit-qn-camtay-forwarded");
        var row = entries.For(@case, letter).Single(e => e.Key.Partition == "unit-qn-camtay-forwarded");
        Assert.Equal(("forwarded", "qn-snnmt"), (row.Values.Status, row.Values.UnitId));
    }
}
