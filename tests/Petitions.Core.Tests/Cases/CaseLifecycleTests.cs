using System.Text.Json;
using Petitions.Core.Cases;
using Petitions.Core.Escalation;
using Petitions.Core.LegalClock;
using Petitions.Core.Tests.LegalClock;

namespace Petitions.Core.Tests.Cases;

public sealed class CaseLifecycleTests
{
    private static readonly DeadlineCalculator Clock = LegalClockFixture.Calculator();

    // 09:00 in Vietnam on Monday 2 March 2026.
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(7));

    private static DateTimeOffset Day(int n) => Start.AddDays(n);

    private static Case Received(CaseKind kind = CaseKind.ComplaintFirstInstance, bool complex = false, bool remote = false, DateTimeOffset? at = null) =>
        Case.Receive("C-0001", kind, complex, remote, "officer-1", at ?? Start, Clock);

    private static Case InProgress(CaseKind kind = CaseKind.ComplaintFirstInstance, DateTimeOffset? at = null)
    {
        var start = at ?? Start;
        var @case = Received(kind, at: start);
        @case.Accept("officer-1", start.AddDays(1), Clock);
        @case.Assign("officer-2", "head-1", start.AddDays(1));
        @case.StartWork("officer-2", start.AddDays(2));
        return @case;
    }

    [Fact] // Luật Khiếu nại 2011, Điều 27 then Điều 28
    public void A_complaint_walks_the_whole_lifecycle_emitting_one_event_per_step()
    {
        var @case = Received();
        Assert.Equal(new DateOnly(2026, 3, 12), Assert.Single(@case.RunningClocks).Due);

        @case.Accept("officer-1", Day(3), Clock);
        @case.Assign("officer-2", "head-1", Day(3));
        @case.StartWork("officer-2", Day(4));
        @case.Suspend("waiting for an expert opinion", "head-1", Day(10));
        @case.Resume("head-1", Day(12), Clock);
        @case.Resolve("decision 12/QĐ", "head-1", Day(20));
        @case.Close("officer-2", Day(21));

        Assert.Equal(CaseStatus.Closed, @case.Status);
        Assert.Equal(
            [typeof(CaseReceived), typeof(CaseAccepted), typeof(CaseAssigned), typeof(CaseWorkStarted), typeof(CaseSuspended), typeof(CaseResumed), typeof(CaseResolved), typeof(CaseClosed)],
            @case.UncommittedEvents.Select(e => e.GetType()));
        Assert.Equal(Enumerable.Range(1, 8).Select(i => (long)i), @case.UncommittedEvents.Select(e => e.Sequence));
        Assert.Equal("head-1", @case.UncommittedEvents[4].Actor);
        Assert.Equal(Day(10), @case.UncommittedEvents[4].At);
        Assert.All(@case.Clocks, c => Assert.Equal(ClockStatus.Stopped, c.Status));
    }

    [Fact] // Luật Khiếu nại 2011, Điều 28: 30 days from acceptance (thụ lý)
    public void Acceptance_stops_the_acceptance_clock_and_starts_the_resolution_clock()
    {
        var @case = Received();
        @case.Accept("officer-1", Day(3), Clock);
        var resolve = Assert.Single(@case.RunningClocks);
        Assert.Equal(("resolve", new DateOnly(2026, 3, 5), 30, new DateOnly(2026, 4, 6)), (resolve.Step, resolve.Trigger, resolve.Limit, resolve.Due));
        Assert.Equal(new DateOnly(2026, 3, 5), @case.Clocks.Single(c => c.Step == "accept").StoppedOn);
    }

    [Fact] // Luật Khiếu nại 2011, Điều 37
    public void A_complex_second_instance_complaint_in_a_remote_area_gets_70_days()
    {
        var @case = Received(CaseKind.ComplaintSecondInstance, complex: true, remote: true);
        @case.Accept("officer-1", Start, Clock);
        Assert.Equal(70, Assert.Single(@case.RunningClocks).Limit);
    }

    [Fact] // Luật Khiếu nại 2011, Điều 28
    public void Marking_a_case_complex_recomputes_its_running_clock()
    {
        var @case = InProgress();
        @case.MarkComplex("many parties", "head-1", Day(5), Clock);
        Assert.Equal(45, Assert.Single(@case.RunningClocks).Limit);
        Assert.Throws<InvalidCaseTransitionException>(() => @case.MarkComplex("again", "head-1", Day(6), Clock));
    }

    [Fact] // Luật Tố cáo 2018, Điều 30: once, or twice for an especially complex case, each with a reason
    public void A_denunciation_can_be_extended_twice_only_when_especially_complex()
    {
        var @case = InProgress(CaseKind.Denunciation);
        var due = Assert.Single(@case.RunningClocks).Due;
        @case.Extend("needs verification in two provinces", false, "head-1", Day(20), Clock);
        var once = Assert.Single(@case.RunningClocks);
        Assert.Equal(60, once.Limit);

        var refused = Assert.Throws<InvalidCaseTransitionException>(() => @case.Extend("more time", false, "head-1", Day(40), Clock));
        Assert.Equal(CaseAction.Extend, refused.Action);

        @case.Extend("especially complex: many officials involved", true, "head-1", Day(40), Clock);
        Assert.Equal(90, Assert.Single(@case.RunningClocks).Limit);
        Assert.True(Assert.Single(@case.RunningClocks).Due > due);

        var third = Assert.Throws<InvalidCaseTransitionException>(() => @case.Extend("a third time", true, "head-1", Day(60), Clock));
        Assert.Contains("Luật Tố cáo 2018, Điều 30", third.Reason, StringComparison.Ordinal);
        Assert.Equal([1, 2], @case.UncommittedEvents.OfType<CaseExtended>().Select(e => e.Number));
    }

    [Fact]
    public void A_case_in_progress_can_be_reassigned_without_leaving_progress()
    {
        var @case = InProgress();
        @case.Assign("officer-3", "head-1", Day(5));
        Assert.Equal((CaseStatus.InProgress, "officer-3"), (@case.Status, @case.OfficerId));
        Assert.Equal("officer-3", Assert.IsType<CaseAssigned>(@case.UncommittedEvents[^1]).OfficerId);
    }

    [Fact]
    public void A_complaint_cannot_be_extended()
    {
        var e = Assert.Throws<InvalidCaseTransitionException>(() => InProgress().Extend("reason", false, "head-1", Day(10), Clock));
        Assert.Equal((CaseStatus.InProgress, CaseAction.Extend), (e.State, e.Action));
    }

    [Fact] // Luật 136/2025/QH15: suspended time does not count from 2026-07-01
    public void Suspension_after_July_2026_moves_the_due_date_by_the_days_suspended()
    {
        var july = new DateTimeOffset(2026, 7, 6, 9, 0, 0, TimeSpan.FromHours(7));
        var @case = InProgress(at: july);
        var before = Assert.Single(@case.RunningClocks).Due;
        @case.Suspend("waiting for a court ruling", "head-1", july.AddDays(5));
        Assert.Empty(@case.RunningClocks);
        Assert.Empty(WatchedClock.Of(@case));
        @case.Resume("head-1", july.AddDays(12), Clock);
        var clock = Assert.Single(@case.RunningClocks);
        Assert.Equal(new DateOnly(2026, 8, 6), before);
        Assert.Equal(before.AddDays(7), clock.Due);
        Assert.Equal(new SuspendedInterval(new DateOnly(2026, 7, 11), new DateOnly(2026, 7, 18)), Assert.Single(clock.Suspensions));
    }

    [Fact]
    public void Each_classification_outcome_can_then_be_closed_but_a_forward_goes_on_in_the_unit_that_receives_it()
    {
        var forwarded = Received(CaseKind.Denunciation);
        forwarded.Forward("unit-9", "outside competence (Luật Tố cáo 2018, Điều 24)", "officer-1", Day(1));
        var guided = Received();
        guided.Guide("Ủy ban nhân dân tỉnh", "officer-1", Day(1));
        var refused = Received();
        refused.Refuse("Luật Khiếu nại 2011, Điều 11", "officer-1", Day(1));
        var duplicate = Received(CaseKind.Petition);
        duplicate.MarkDuplicate("C-0000", "officer-1", Day(1));

        Assert.Equal(
            [CaseStatus.Forwarded, CaseStatus.Guided, CaseStatus.Refused, CaseStatus.Duplicate],
            new[] { forwarded, guided, refused, duplicate }.Select(c => c.Status));
        Assert.Equal("C-0000", duplicate.DuplicateOf);
        foreach (var @case in new[] { forwarded, guided, refused, duplicate })
        {
            Assert.Empty(@case.RunningClocks);
        }

        foreach (var @case in new[] { guided, refused, duplicate })
        {
            @case.Close("officer-1", Day(2));
            Assert.Equal(CaseStatus.Closed, @case.Status);
        }

        Assert.Throws<InvalidCaseTransitionException>(() => forwarded.Close("officer-1", Day(2)));
        forwarded.ReceiveForwarded("unit-1", false, "head-9", "officer-9", "system", Day(2), Clock);
        Assert.Equal((CaseStatus.Received, "unit-9"), (forwarded.Status, forwarded.UnitId));
    }

    [Fact]
    public void A_petition_keeps_its_reply_clock_running_after_acceptance()
    {
        var @case = Received(CaseKind.Petition);
        @case.Accept("officer-1", Day(1), Clock);
        var clock = Assert.Single(@case.RunningClocks);
        Assert.Equal(("process", new DateOnly(2026, 3, 16)), (clock.Step, clock.Due));
    }

    [Fact]
    public void A_partial_withdrawal_keeps_the_case_open_and_a_whole_one_stops_it()
    {
        var @case = InProgress();
        @case.Withdraw(false, "the second request", "citizen withdrew it", "officer-2", Day(5));
        Assert.Equal(CaseStatus.InProgress, @case.Status);
        Assert.Single(@case.RunningClocks);
        @case.Withdraw(true, null, "settled with the commune", "officer-2", Day(6));
        Assert.Equal(CaseStatus.Withdrawn, @case.Status);
        Assert.Empty(@case.RunningClocks);
        Assert.Equal([false, true], @case.UncommittedEvents.OfType<CaseWithdrawn>().Select(e => e.Wholly));
        @case.Close("officer-2", Day(7));
        Assert.Equal(CaseStatus.Closed, @case.Status);
    }

    public static TheoryData<string, CaseStatus, CaseAction> InvalidTransitions => new()
    {
        { "resolve a received case", CaseStatus.Received, CaseAction.Resolve },
        { "assign before acceptance", CaseStatus.Received, CaseAction.Assign },
        { "close an open case", CaseStatus.Received, CaseAction.Close },
        { "accept twice", CaseStatus.Accepted, CaseAction.Accept },
        { "start work before assignment", CaseStatus.Accepted, CaseAction.StartWork },
        { "resume a running case", CaseStatus.InProgress, CaseAction.Resume },
        { "refuse after acceptance", CaseStatus.InProgress, CaseAction.Refuse },
        { "suspend twice", CaseStatus.Suspended, CaseAction.Suspend },
        { "resolve while suspended", CaseStatus.Suspended, CaseAction.Resolve },
        { "withdraw a resolved case", CaseStatus.Resolved, CaseAction.Withdraw },
        { "reopen a closed case", CaseStatus.Closed, CaseAction.Accept },
        { "forward a complaint", CaseStatus.Received, CaseAction.Forward },
        { "guide a denunciation", CaseStatus.Received, CaseAction.Guide },
    };

    [Theory]
    [MemberData(nameof(InvalidTransitions))]
    public void An_invalid_transition_is_a_typed_error_and_changes_nothing(string name, CaseStatus state, CaseAction action)
    {
        var @case = action == CaseAction.Guide ? Received(CaseKind.Denunciation) : Received();
        Drive(@case, state);
        var before = JsonSerializer.Serialize(@case.ToSnapshot());
        var events = @case.UncommittedEvents.Count;

        var e = Assert.Throws<InvalidCaseTransitionException>(() => Attempt(@case, action));

        Assert.Equal((state, action), (e.State, e.Action));
        Assert.Equal(before, JsonSerializer.Serialize(@case.ToSnapshot()));
        Assert.Equal(events, @case.UncommittedEvents.Count);
        Assert.False(string.IsNullOrEmpty(name));
    }

    [Fact]
    public void A_case_survives_a_round_trip_through_its_snapshot_and_events_as_json()
    {
        var @case = InProgress(CaseKind.Denunciation);
        @case.Extend("complex", false, "head-1", Day(10), Clock);
        @case.Suspend("expert opinion", "head-1", Day(12));

        var snapshotJson = JsonSerializer.Serialize(@case.ToSnapshot());
        var eventsJson = JsonSerializer.Serialize(@case.UncommittedEvents);
        @case.MarkCommitted();

        var restored = Case.Restore(JsonSerializer.Deserialize<CaseSnapshot>(snapshotJson)!);
        var events = JsonSerializer.Deserialize<List<CaseEvent>>(eventsJson)!;
        Assert.Equal(JsonSerializer.Serialize(@case.ToSnapshot()), JsonSerializer.Serialize(restored.ToSnapshot()));
        Assert.IsType<CaseExtended>(events[4]);
        Assert.Equal(6, events.Count);

        restored.Resume("head-1", Day(14), Clock);
        Assert.Equal(7, Assert.Single(restored.UncommittedEvents).Sequence);
        Assert.Equal(CaseStatus.InProgress, restored.Status);
    }

    [Fact]
    public void A_case_id_that_cannot_be_a_table_key_is_refused() =>
        Assert.Throws<ArgumentException>(() => Case.Receive("a/b", CaseKind.Petition, false, false, "officer-1", Start, Clock));

    private static void Drive(Case @case, CaseStatus state)
    {
        if (state == CaseStatus.Received)
        {
            return;
        }

        @case.Accept("o", Day(1), Clock);
        if (state == CaseStatus.Accepted)
        {
            return;
        }

        @case.Assign("o", "h", Day(1));
        @case.StartWork("o", Day(2));
        if (state == CaseStatus.InProgress)
        {
            return;
        }

        if (state == CaseStatus.Suspended)
        {
            @case.Suspend("r", "h", Day(3));
            return;
        }

        @case.Resolve("done", "h", Day(4));
        if (state == CaseStatus.Closed)
        {
            @case.Close("o", Day(5));
        }
    }

    private static void Attempt(Case @case, CaseAction action)
    {
        switch (action)
        {
            case CaseAction.Accept: @case.Accept("o", Day(9), Clock); break;
            case CaseAction.Forward: @case.Forward("unit-9", "r", "o", Day(9)); break;
            case CaseAction.Guide: @case.Guide("body", "o", Day(9)); break;
            case CaseAction.Refuse: @case.Refuse("r", "o", Day(9)); break;
            case CaseAction.Assign: @case.Assign("o2", "h", Day(9)); break;
            case CaseAction.StartWork: @case.StartWork("o", Day(9)); break;
            case CaseAction.Suspend: @case.Suspend("r", "h", Day(9)); break;
            case CaseAction.Resume: @case.Resume("h", Day(9), Clock); break;
            case CaseAction.Resolve: @case.Resolve("done", "h", Day(9)); break;
            case CaseAction.Close: @case.Close("o", Day(9)); break;
            case CaseAction.Withdraw: @case.Withdraw(true, null, "r", "o", Day(9)); break;
            default: throw new ArgumentOutOfRangeException(nameof(action));
        }
    }
}
