using Microsoft.Extensions.Logging.Abstractions;
using Petitions.Functions.Runtime.Metadata;
using Petitions.Functions.Runtime.Standalone;
using Petitions.Functions.Tests.Support;
using Petitions.TestKit;

namespace Petitions.Functions.Tests.Standalone;

/// <summary>Timer semantics under a manual clock, over the in-memory schedule monitor.</summary>
public sealed class TimerSchedulerTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 22, 2, 3, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Tick = new(2026, 11, 22, 2, 5, 0, TimeSpan.Zero);

    private readonly ObservedClock _clock = new(Start);
    private readonly InMemoryScheduleMonitor _monitor = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _running = [];

    public void Dispose()
    {
        _stop.Cancel();
        Task.WaitAll([.. _running], TimeSpan.FromSeconds(10));
        _stop.Dispose();
    }

    private (TestBehaviour Behaviour, TimerStates States) StartScheduler(bool runOnStartup = false, TestBehaviour? behaviour = null)
    {
        behaviour ??= new TestBehaviour();
        var states = new TimerStates();
        var function = new FunctionDefinition(TestTimerFunction.Name, "TestTimer", new TimerTriggerBinding("timer", "0 */5 * * * *", runOnStartup), false);
        var scheduler = new TimerScheduler(
            function, TimerSchedule.Parse("0 */5 * * * *", "test"), TimeZoneInfo.Utc, _monitor,
            ListenerHarness.Invoker(behaviour), states, _clock, NullLogger.Instance);
        _running.Add(Task.Run(() => scheduler.RunAsync(_stop.Token)));
        return (behaviour, states);
    }

    [Fact]
    public async Task Timer_fires_at_its_next_ncrontab_tick_and_not_before()
    {
        var (behaviour, states) = StartScheduler();
        await Eventually.Until(() => states.WaitingFor(TestTimerFunction.Name) == Tick && _clock.TimersCreated == 1, what: "waiting for 02:05");

        _clock.Advance(TimeSpan.FromMinutes(2) - TimeSpan.FromSeconds(1));
        Assert.Empty(behaviour.TimerCalls);
        _clock.Advance(TimeSpan.FromSeconds(1));

        await Eventually.Until(() => states.WaitingFor(TestTimerFunction.Name) == Tick.AddMinutes(5), what: "waiting for 02:10");
        var run = Assert.Single(behaviour.TimerCalls);
        Assert.False(run.IsPastDue);
        Assert.Equal(new Runtime.Registry.ScheduleStatus(Tick, Tick.AddMinutes(5), Tick), run.ScheduleStatus);
    }

    [Fact]
    public async Task Missed_ticks_run_once_past_due_then_the_schedule_continues_from_now()
    {
        await _monitor.TryWriteAsync(TestTimerFunction.Name, null, new ScheduleRecord(null, Start.AddHours(-1), Start.AddHours(-1)), CancellationToken.None);

        var (behaviour, states) = StartScheduler();

        await Eventually.Until(() => states.WaitingFor(TestTimerFunction.Name) == Tick, what: "caught up and waiting for 02:05");
        var run = Assert.Single(behaviour.TimerCalls);
        Assert.True(run.IsPastDue);
        Assert.Equal(Start.AddHours(-1), run.ScheduleStatus!.Last);
    }

    [Fact]
    public async Task Two_instances_and_one_tick_make_one_run()
    {
        var behaviour = new TestBehaviour();
        var (_, first) = StartScheduler(behaviour: behaviour);
        var (_, second) = StartScheduler(behaviour: behaviour);
        await Eventually.Until(
            () => first.WaitingFor(TestTimerFunction.Name) == Tick && second.WaitingFor(TestTimerFunction.Name) == Tick && _clock.TimersCreated == 2,
            what: "both waiting");

        _clock.Advance(TimeSpan.FromMinutes(2));

        await Eventually.Until(
            () => first.WaitingFor(TestTimerFunction.Name) == Tick.AddMinutes(5) && second.WaitingFor(TestTimerFunction.Name) == Tick.AddMinutes(5),
            what: "both moved on to 02:10");
        Assert.Single(behaviour.TimerCalls);
    }

    [Fact]
    public async Task Run_on_startup_runs_once_when_the_instance_starts()
    {
        var (behaviour, states) = StartScheduler(runOnStartup: true);

        await Eventually.Until(() => states.WaitingFor(TestTimerFunction.Name) == Tick, what: "waiting for 02:05");
        var run = Assert.Single(behaviour.TimerCalls);
        Assert.False(run.IsPastDue);
    }
}
