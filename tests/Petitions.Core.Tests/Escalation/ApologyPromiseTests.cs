using Petitions.Core.Calendar;
using Petitions.Core.Cases;
using Petitions.Core.Escalation;
using Petitions.Core.LegalClock;

namespace Petitions.Core.Tests.Escalation;

/// <summary>
/// Issue 21, item 6: the apology's new date is counted from the later of the missed due date and the day the apology
/// is sent, and the promise is a clock watched by its own rungs (escalation-ladder.data.json, letter/promised).
/// </summary>
public sealed class ApologyPromiseTests
{
    private static readonly DeadlineCalculator Clock = new(LegalLimits.LoadEmbedded(), VietnamWorkingCalendar.Default);
    private static readonly EscalationPolicy Policy = new(EscalationLadder.LoadEmbedded(), VietnamWorkingCalendar.Default);
    private static readonly IWorkingCalendar Calendar = VietnamWorkingCalendar.Default;

    private static DateTimeOffset At(DateOnly day) => new(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(7));

    private static Case InProgress()
    {
        var start = At(new DateOnly(2026, 3, 2));
        var @case = Case.Receive("C-0210", CaseKind.ComplaintFirstInstance, false, false, "citizen", start, Clock);
        @case.Accept("officer-1", start, Clock);
        @case.Assign("officer-1", "head-1", start);
        @case.StartWork("officer-1", start);
        return @case;
    }

    [Fact]
    public void An_apology_sent_on_the_due_date_promises_5_working_days_after_it()
    {
        var @case = InProgress();
        var due = new DateOnly(2026, 3, 18);

        var promise = @case.Promise("resolve", due, 5, "system", At(due), Clock);

        Assert.Equal(Calendar.AddWorkingDays(due, 5), promise.PromisedOn);
        Assert.Equal(1, promise.Number);
        var clock = Assert.Single(@case.RunningClocks, c => c.Step == CaseKindSteps.PromisedStep);
        Assert.Equal((CaseKindSteps.AnyLetterKind, due, promise.PromisedOn, ClockUnit.WorkingDays), (clock.Kind, clock.Trigger, clock.Due, clock.Unit));
        Assert.Contains("ApologyNewDateWorkingDays", clock.Source, StringComparison.Ordinal);
    }

    [Fact] // The fault seen: an apology sent on 1 April promising 18 March + 5 working days, a day already past.
    public void An_apology_sent_two_weeks_late_promises_5_working_days_after_the_day_it_is_sent()
    {
        var @case = InProgress();
        var due = new DateOnly(2026, 3, 18);
        var sentOn = new DateOnly(2026, 4, 1);

        var promise = @case.Promise("resolve", due, 5, "system", At(sentOn), Clock);

        Assert.Equal(Calendar.AddWorkingDays(sentOn, 5), promise.PromisedOn);
        Assert.True(promise.PromisedOn > sentOn);
    }

    [Fact]
    public void The_promise_has_its_own_rungs_head_two_days_before_supervisor_on_the_last_working_day_and_a_second_apology_after_it()
    {
        var @case = InProgress();
        var promise = @case.Promise("resolve", new DateOnly(2026, 3, 18), 5, "system", At(new DateOnly(2026, 3, 18)), Clock);
        var promised = WatchedClock.Of(@case).Single(c => c.Step == CaseKindSteps.PromisedStep);

        var dayAfter = Calendar.AddWorkingDays(promise.PromisedOn, 1);
        var rungs = Policy.DueRungs([promised], new HashSet<string>(), At(dayAfter));

        Assert.Equal(["promise-head", "promise-supervisor", "promise-broken"], rungs.Select(r => r.Rung.Rung));
        Assert.Equal(
            [Calendar.AddWorkingDays(promise.PromisedOn, -2), Calendar.AddWorkingDays(promise.PromisedOn, -1), dayAfter],
            rungs.Select(r => r.FiresOn));
        Assert.Contains(EscalationAudience.Citizen, rungs[^1].Rung.Notify);
        Assert.Contains(EscalationAudience.SupervisingLevel, rungs[^1].Rung.Notify);
    }

    [Fact]
    public void A_second_apology_replaces_the_promise_that_slipped()
    {
        var @case = InProgress();
        var first = @case.Promise("resolve", new DateOnly(2026, 3, 18), 5, "system", At(new DateOnly(2026, 3, 18)), Clock);
        var slipped = Calendar.AddWorkingDays(first.PromisedOn, 1);

        var second = @case.Promise(CaseKindSteps.PromisedStep, first.PromisedOn, 5, "system", At(slipped), Clock);

        Assert.Equal(2, second.Number);
        Assert.Equal(Calendar.AddWorkingDays(slipped, 5), second.PromisedOn);
        Assert.Equal(second.PromisedOn, Assert.Single(@case.RunningClocks, c => c.Step == CaseKindSteps.PromisedStep).Due);
        Assert.Equal(2, @case.Clocks.Count(c => c.Step == CaseKindSteps.PromisedStep));
    }

    [Fact]
    public void Resolving_the_case_keeps_the_promise()
    {
        var @case = InProgress();
        @case.Promise("resolve", new DateOnly(2026, 3, 18), 5, "system", At(new DateOnly(2026, 3, 18)), Clock);

        @case.Resolve("12/QĐ-UBND", "head-1", At(new DateOnly(2026, 3, 20)), Clock);

        Assert.DoesNotContain(@case.RunningClocks, c => c.Step == CaseKindSteps.PromisedStep);
    }

    [Fact]
    public void The_promise_survives_a_restore_and_its_explanation_names_the_promise()
    {
        var @case = InProgress();
        @case.Promise("resolve", new DateOnly(2026, 3, 18), 7, "system", At(new DateOnly(2026, 3, 18)), Clock);

        var restored = Case.Restore(@case.ToSnapshot());
        var clock = Assert.Single(restored.RunningClocks, c => c.Step == CaseKindSteps.PromisedStep);

        Assert.Equal(7, clock.Limit);
        Assert.Equal(clock.Due, restored.Explain(clock, Clock).Due);
    }
}
