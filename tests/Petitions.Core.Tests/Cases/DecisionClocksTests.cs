using Petitions.Core.Calendar;
using Petitions.Core.Cases;
using Petitions.Core.Escalation;
using Petitions.Core.LegalClock;

namespace Petitions.Core.Tests.Cases;

/// <summary>
/// Issue 16, the steps after a decision: the clocks start from the case lifecycle, on Vietnam's real calendar, with
/// dates that cross Tết 2026 (official days off 14–22 February 2026, Thông báo 9441/TB-BNV).
/// </summary>
public sealed class DecisionClocksTests
{
    private static readonly DeadlineCalculator Clock = new(LegalLimits.LoadEmbedded(), VietnamWorkingCalendar.Default);
    private static readonly EscalationPolicy Policy = new(EscalationLadder.LoadEmbedded(), VietnamWorkingCalendar.Default);

    // Thursday 12 February 2026, 10:00 in Vietnam: the last working day before Tết 2026.
    private static readonly DateTimeOffset DecisionDay = new(2026, 2, 12, 10, 0, 0, TimeSpan.FromHours(7));
    private static readonly DateOnly Issued = new(2026, 2, 12);

    private static Case InProgress(CaseKind kind, bool remote = false)
    {
        var start = new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.FromHours(7));
        var @case = Case.Receive("C-0100", kind, false, remote, "officer-1", start, Clock);
        @case.Accept("officer-1", start.AddDays(1), Clock);
        @case.Assign("officer-2", "head-1", start.AddDays(1));
        @case.StartWork("officer-2", start.AddDays(2));
        return @case;
    }

    private static CaseClock Running(Case @case, string step) => Assert.Single(@case.RunningClocks, c => c.Step == step);

    private static DateTimeOffset At(DateOnly day) => new(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(7));

    [Fact] // Luật Khiếu nại 2011, Điều 32: 3 working days from issue; 13 Feb, then 23 and 24 Feb after Tết
    public void First_instance_decision_is_sent_within_3_working_days_across_Tet()
    {
        var @case = InProgress(CaseKind.ComplaintFirstInstance);
        @case.Resolve("12/QĐ-UBND", "head-1", DecisionDay, Clock, Issued);

        var send = Running(@case, "send-decision");
        Assert.Equal((Issued, new DateOnly(2026, 2, 24), ClockUnit.WorkingDays), (send.Trigger, send.Due, send.Unit));
        Assert.Contains("Điều 32", send.Source, StringComparison.Ordinal);
        Assert.Equal(CaseStatus.Resolved, @case.Status);
        Assert.DoesNotContain(@case.RunningClocks, c => c.Step == "resolve");
    }

    [Fact] // Luật Khiếu nại 2011, Điều 44: 30 days from issue; day 30 is Saturday 14 March 2026, so Monday 16 March
    public void First_instance_decision_takes_effect_after_30_days()
    {
        var @case = InProgress(CaseKind.ComplaintFirstInstance);
        @case.Resolve("12/QĐ-UBND", "head-1", DecisionDay, Clock, Issued);

        var effect = Running(@case, CaseKindSteps.DecisionEffectiveStep);
        Assert.Equal(new DateOnly(2026, 3, 16), effect.Due);
        var lines = @case.Explain(effect, Clock).ToLines();
        Assert.Contains(lines, l => l.Contains("Điều 44", StringComparison.Ordinal));
    }

    [Fact] // Luật Khiếu nại 2011, Điều 44: 45 days in a remote area; day 45 is Sunday 29 March 2026, so Monday 30 March
    public void First_instance_decision_in_a_remote_area_takes_effect_after_45_days()
    {
        var @case = InProgress(CaseKind.ComplaintFirstInstance, remote: true);
        @case.Resolve("12/QĐ-UBND", "head-1", DecisionDay, Clock, Issued);

        Assert.Equal((45, new DateOnly(2026, 3, 30)), (Running(@case, CaseKindSteps.DecisionEffectiveStep).Limit, Running(@case, CaseKindSteps.DecisionEffectiveStep).Due));
    }

    [Fact] // Luật Khiếu nại 2011, Điều 41: 7 days; day 7 (19 Feb 2026) is a Tết day off, so the next working day, 23 Feb
    public void Second_instance_decision_is_sent_within_7_days()
    {
        var @case = InProgress(CaseKind.ComplaintSecondInstance);
        @case.Resolve("20/QĐ-UBND", "head-1", DecisionDay, Clock, Issued);

        Assert.Equal(new DateOnly(2026, 2, 23), Running(@case, "send-decision-second").Due);
    }

    [Fact] // Luật Khiếu nại 2011, Điều 44 khoản 2: a second-instance decision takes effect 30 days after issue (remote: 45)
    public void Second_instance_decision_takes_effect_after_30_days_and_closing_is_then_proposed()
    {
        var @case = InProgress(CaseKind.ComplaintSecondInstance);
        @case.Resolve("20/QĐ-UBND", "head-1", DecisionDay, Clock, Issued);
        @case.RecordDecisionSent(Issued, "officer-2", DecisionDay);

        Assert.Equal(new DateOnly(2026, 3, 16), Running(@case, CaseKindSteps.DecisionEffectiveStep).Due);
        var rung = Assert.Single(Policy.DueRungs(WatchedClock.Of(@case), @case.FiredRungs, At(new DateOnly(2026, 3, 17))));
        Assert.Equal("propose-close", rung.Rung.Rung);
        @case.RecordEscalation(rung, "system", At(new DateOnly(2026, 3, 17)));
        Assert.Equal(new DateOnly(2026, 3, 17), @case.ClosingProposedOn);

        var remote = InProgress(CaseKind.ComplaintSecondInstance, remote: true);
        remote.Resolve("20/QĐ-UBND", "head-1", DecisionDay, Clock, Issued);
        Assert.Equal(new DateOnly(2026, 3, 30), Running(remote, CaseKindSteps.DecisionEffectiveStep).Due);
    }

    [Fact] // Luật Khiếu nại 2011, Điều 32: recording the sending stops the clock; a second record is refused
    public void Recording_the_decision_sent_stops_the_sending_clock_only()
    {
        var @case = InProgress(CaseKind.ComplaintFirstInstance);
        @case.Resolve("12/QĐ-UBND", "head-1", DecisionDay, Clock, Issued);

        @case.RecordDecisionSent(new DateOnly(2026, 2, 13), "officer-2", DecisionDay.AddDays(1));

        var sent = Assert.IsType<DecisionSent>(@case.UncommittedEvents[^1]);
        Assert.Equal(("send-decision", new DateOnly(2026, 2, 13)), (sent.Step, sent.SentOn));
        Assert.Equal(ClockStatus.Stopped, Assert.Single(@case.Clocks, c => c.Step == "send-decision").Status);
        Assert.Single(@case.RunningClocks, c => c.Step == CaseKindSteps.DecisionEffectiveStep);
        Assert.Throws<InvalidCaseTransitionException>(() => @case.RecordDecisionSent(new DateOnly(2026, 2, 13), "officer-2", DecisionDay.AddDays(1)));
    }

    [Fact]
    public void A_decision_dated_before_receipt_or_a_sending_before_the_decision_or_in_the_future_is_refused()
    {
        var @case = InProgress(CaseKind.ComplaintFirstInstance);
        Assert.Throws<InvalidCaseTransitionException>(() => @case.Resolve("12/QĐ", "head-1", DecisionDay, Clock, new DateOnly(2026, 1, 4)));
        @case.Resolve("12/QĐ", "head-1", DecisionDay, Clock, Issued);
        Assert.Throws<InvalidCaseTransitionException>(() => @case.RecordDecisionSent(new DateOnly(2026, 2, 13), "officer-2", DecisionDay));
        Assert.Throws<InvalidCaseTransitionException>(() => @case.RecordDecisionSent(new DateOnly(2026, 2, 11), "officer-2", DecisionDay));
    }

    [Fact] // Luật Khiếu nại 2011, Điều 44: the rung fires on the first working day after the limit (Tue 17 Mar 2026) and proposes closing
    public void When_the_effect_clock_runs_out_closing_is_proposed_not_done()
    {
        var @case = InProgress(CaseKind.ComplaintFirstInstance);
        @case.Resolve("12/QĐ-UBND", "head-1", DecisionDay, Clock, Issued);
        @case.RecordDecisionSent(Issued, "officer-2", DecisionDay);

        var onDueDay = Policy.DueRungs(WatchedClock.Of(@case), @case.FiredRungs, At(new DateOnly(2026, 3, 16)));
        Assert.Empty(onDueDay);
        var dayAfter = At(new DateOnly(2026, 3, 17));
        var rung = Assert.Single(Policy.DueRungs(WatchedClock.Of(@case), @case.FiredRungs, dayAfter));
        Assert.Equal(("propose-close", new DateOnly(2026, 3, 17)), (rung.Rung.Rung, rung.FiresOn));
        Assert.DoesNotContain(EscalationAudience.Citizen, rung.Rung.Notify);

        @case.RecordEscalation(rung, "system", dayAfter);

        var proposed = Assert.IsType<ClosingProposed>(@case.UncommittedEvents[^1]);
        Assert.Equal((Issued, new DateOnly(2026, 3, 17)), (proposed.IssuedOn, proposed.EffectiveOn));
        Assert.Equal(new DateOnly(2026, 3, 17), @case.ClosingProposedOn);
        Assert.Equal(CaseStatus.Resolved, @case.Status);
        Assert.Empty(@case.RunningClocks);

        @case.Close("head-1", dayAfter);
        Assert.Equal(CaseStatus.Closed, @case.Status);
        Assert.Null(@case.ClosingProposedOn);
    }

    [Fact] // Luật Khiếu nại 2011, Điều 44: a second complaint (or a lawsuit) stops the effect clock; nothing is proposed
    public void A_second_complaint_stops_the_effect_clock()
    {
        var @case = InProgress(CaseKind.ComplaintFirstInstance);
        @case.Resolve("12/QĐ-UBND", "head-1", DecisionDay, Clock, Issued);

        @case.RecordChallenge("second-complaint", new DateOnly(2026, 3, 2), "filed with the provincial chairman", "officer-2", At(new DateOnly(2026, 3, 3)));

        Assert.Equal(ClockStatus.Stopped, Assert.Single(@case.Clocks, c => c.Step == CaseKindSteps.DecisionEffectiveStep).Status);
        Assert.Empty(Policy.DueRungs(WatchedClock.Of(@case).Where(c => c.Step == CaseKindSteps.DecisionEffectiveStep), @case.FiredRungs, At(new DateOnly(2026, 4, 1))));
        Assert.Null(@case.ClosingProposedOn);
        Assert.Throws<ArgumentException>(() => @case.RecordChallenge("appeal", new DateOnly(2026, 3, 2), "x", "o", At(new DateOnly(2026, 3, 3))));
    }

    [Fact]
    public void A_challenge_is_refused_for_a_second_instance_decision()
    {
        var @case = InProgress(CaseKind.ComplaintSecondInstance);
        @case.Resolve("20/QĐ", "head-1", DecisionDay, Clock, Issued);
        Assert.Throws<InvalidCaseTransitionException>(() => @case.RecordChallenge("lawsuit", Issued, "court", "o", DecisionDay));
    }

    [Fact] // Luật Tố cáo 2018, Điều 34 khoản 4: 5 working days from the suspension: 13, 23, 24, 25, 26 Feb 2026
    public void A_denunciation_suspension_decision_is_sent_within_5_working_days_while_the_resolution_pauses()
    {
        var @case = InProgress(CaseKind.Denunciation);
        @case.Suspend("waiting for a court ruling", "head-1", DecisionDay, Clock);

        var send = Running(@case, CaseKindSteps.SendSuspensionStep);
        Assert.Equal(new DateOnly(2026, 2, 26), send.Due);
        Assert.Equal(ClockStatus.Paused, Assert.Single(@case.Clocks, c => c.Step == "resolve").Status);
        Assert.Single(Policy.DueRungs(WatchedClock.Of(@case), @case.FiredRungs, At(new DateOnly(2026, 2, 23))), r => r.Rung.Rung == "reminder");

        @case.Resume("head-1", At(new DateOnly(2026, 3, 2)), Clock);
        Assert.Single(@case.RunningClocks, c => c.Step == CaseKindSteps.SendSuspensionStep);

        @case.RecordDecisionSent(new DateOnly(2026, 2, 24), "officer-2", At(new DateOnly(2026, 3, 2)));
        Assert.Equal(["resolve"], @case.RunningClocks.Select(c => c.Step));
    }

    [Fact] // Luật Tố cáo 2018, Điều 34 khoản 3-4: ending the resolution (đình chỉ) starts the 5-working-day sending clock
    public void Ending_a_denunciation_starts_the_sending_clock_and_resolves_the_case()
    {
        var @case = InProgress(CaseKind.Denunciation);
        @case.EndHandling("the denouncer withdrew", Issued, "head-1", DecisionDay, Clock);

        Assert.Equal(CaseStatus.Resolved, @case.Status);
        Assert.Equal([CaseKindSteps.SendSuspensionStep], @case.RunningClocks.Select(c => c.Step));
        Assert.Equal(new DateOnly(2026, 2, 26), Running(@case, CaseKindSteps.SendSuspensionStep).Due);
        Assert.IsType<HandlingEnded>(@case.UncommittedEvents[^1]);
    }

    [Fact]
    public void Ending_the_handling_is_for_denunciations_only()
    {
        var @case = InProgress(CaseKind.ComplaintFirstInstance);
        Assert.Throws<InvalidCaseTransitionException>(() => @case.EndHandling("withdrawn", Issued, "head-1", DecisionDay, Clock));
    }

    [Fact] // Luật Tiếp công dân 2013, Điều 28 khoản 1: 10 working days from the session, across 30 Apr and 1 May 2026
    public void A_letter_raised_at_a_reception_session_must_be_answered_within_10_working_days()
    {
        var @case = InProgress(CaseKind.Petition);
        var session = new DateTimeOffset(2026, 4, 23, 9, 0, 0, TimeSpan.FromHours(7));

        @case.RecordReceptionMeeting("s-1", ["head-1", "citizen"], "the drain", "inspect within the week", null, "officer-2", session, Clock);

        var answer = Running(@case, CaseKindSteps.ReceptionAnswerStep);
        Assert.Equal((CaseKindSteps.AnyLetterKind, new DateOnly(2026, 4, 23)), (answer.Kind, answer.Trigger));
        Assert.Equal(ExpectedAfter(new DateOnly(2026, 4, 23), 10), answer.Due);
        Assert.True(answer.Due >= new DateOnly(2026, 5, 7), "30 April and 1 May are days off");
        Assert.Contains(@case.Explain(answer, Clock).ToLines(), l => l.Contains("Điều 28", StringComparison.Ordinal));

        @case.RecordReceptionAnswer(new DateOnly(2026, 4, 28), "answered in writing", "officer-2", session.AddDays(5));
        Assert.DoesNotContain(@case.RunningClocks, c => c.Step == CaseKindSteps.ReceptionAnswerStep);
        Assert.Throws<InvalidCaseTransitionException>(() => @case.RecordReceptionAnswer(new DateOnly(2026, 4, 28), "again", "officer-2", session.AddDays(5)));
    }

    [Fact]
    public void A_meeting_answered_at_the_session_starts_no_clock_and_a_closed_case_still_owes_its_answer()
    {
        var @case = InProgress(CaseKind.Petition);
        var session = new DateTimeOffset(2026, 4, 23, 9, 0, 0, TimeSpan.FromHours(7));
        @case.RecordReceptionMeeting("s-1", ["head-1"], "the drain", "answered on the spot", null, "officer-2", session, Clock, answeredAtSession: true);
        Assert.DoesNotContain(@case.Clocks, c => c.Step == CaseKindSteps.ReceptionAnswerStep);

        @case.Resolve("answer 3/TB", "head-1", session.AddDays(1), Clock);
        @case.Close("head-1", session.AddDays(1));
        @case.RecordReceptionMeeting("s-2", ["head-1"], "the drain again", "we will write", null, "officer-2", session.AddDays(7), Clock);

        Assert.Equal(CaseStatus.Closed, @case.Status);
        Assert.Single(@case.RunningClocks, c => c.Step == CaseKindSteps.ReceptionAnswerStep);
    }

    [Fact] // Closing is the staff's confirmation: a clock still running is stopped and named on the event
    public void Closing_while_a_decision_is_unsent_names_the_clocks_it_stops()
    {
        var @case = InProgress(CaseKind.ComplaintFirstInstance);
        @case.Resolve("12/QĐ-UBND", "head-1", DecisionDay, Clock, Issued);

        @case.Close("head-1", DecisionDay);

        var closed = Assert.IsType<CaseClosed>(@case.UncommittedEvents[^1]);
        Assert.Equal(["send-decision", CaseKindSteps.DecisionEffectiveStep], closed.StoppedSteps);
        Assert.False(@case.HasLiveClocks);
    }

    [Fact]
    public void The_new_clocks_and_the_proposal_survive_a_snapshot_round_trip()
    {
        var @case = InProgress(CaseKind.ComplaintFirstInstance);
        @case.Resolve("12/QĐ-UBND", "head-1", DecisionDay, Clock, Issued);
        var rung = Policy.DueRungs(WatchedClock.Of(@case), @case.FiredRungs, At(new DateOnly(2026, 3, 17))).Single(r => r.Rung.Rung == "propose-close");
        @case.RecordEscalation(rung, "system", At(new DateOnly(2026, 3, 17)));

        var json = System.Text.Json.JsonSerializer.Serialize(@case.ToSnapshot());
        var back = Case.Restore(System.Text.Json.JsonSerializer.Deserialize<CaseSnapshot>(json)!);

        Assert.Equal(new DateOnly(2026, 3, 17), back.ClosingProposedOn);
        Assert.Equal(@case.Clocks, back.Clocks, (a, b) => a.Step == b.Step && a.Due == b.Due && a.Status == b.Status);
    }

    private static DateOnly ExpectedAfter(DateOnly trigger, int workingDays)
    {
        var day = trigger;
        for (var counted = 0; counted < workingDays;)
        {
            day = day.AddDays(1);
            if (VietnamWorkingCalendar.Default.IsWorkingDay(day))
            {
                counted++;
            }
        }

        return day;
    }
}
