using Petitions.Functions.Runtime.Metadata;
using Petitions.Functions.Runtime.Standalone;
using Petitions.Functions.Tests.Support;
using Petitions.Infrastructure.Storage;
using Petitions.TestKit;

namespace Petitions.Functions.Tests.Standalone;

/// <summary>
/// The app's timer (TestTimer, "0 */5 * * * *") standalone on Azurite, its clock a manual one: the schedule status lives in
/// a per-test lease table shared by the instances.
/// </summary>
public sealed class TimerAzuriteTests
{
    private static readonly TimerSchedule EveryFiveMinutes = TimerSchedule.Parse("0 */5 * * * *", "test");

    // Started at the real time: the storage requests are signed with this clock's date.
    private readonly ObservedClock _clock = new(TimeProvider.System.GetUtcNow());
    private readonly string _leaseTable = AzuriteServer.UniqueName("leases");

    private DateTimeOffset NextTick => EveryFiveMinutes.NextAfter(_clock.GetUtcNow(), TimeZoneInfo.Utc);

    private TestApp Instance() =>
        new TestApp().OnAzurite("timer-tests-unused").Disable("TestQueue").With("Timers:LeaseTable", _leaseTable).WithClock(_clock);

    private static DateTimeOffset? WaitingFor(TestApp app) =>
        ((TimerStates)app.Provider.GetService(typeof(TimerStates))!).WaitingFor(TestTimerFunction.Name);

    [Fact]
    public async Task Timer_fires_on_its_schedule_under_the_manual_clock_and_records_its_status()
    {
        var tick = NextTick;
        await using var app = Instance();
        await Eventually.Until(() => WaitingFor(app) == tick, what: "waiting for the next tick");
        Assert.Empty(app.Behaviour.TimerCalls);

        _clock.Advance(tick - _clock.GetUtcNow());

        await Eventually.Until(() => WaitingFor(app) == tick.AddMinutes(5), what: "moved on to the following tick");
        var run = Assert.Single(app.Behaviour.TimerCalls);
        Assert.False(run.IsPastDue);
        Assert.Equal(tick, run.ScheduleStatus!.Last);
        var row = await PlainStorage.Account(AzuriteServer.Shared.ConnectionString)
            .GetTableClient(_leaseTable).FindAsync("timers", TestTimerFunction.Name);
        Assert.Equal(tick, row!.GetDateTimeOffset("Last"));
        Assert.Equal(tick.AddMinutes(5), row.GetDateTimeOffset("Next"));
    }

    [Fact]
    public async Task Two_instances_and_one_tick_make_one_run()
    {
        var tick = NextTick;
        await using var first = Instance();
        await using var second = Instance();
        await Eventually.Until(() => WaitingFor(first) == tick && WaitingFor(second) == tick, what: "both instances waiting");

        _clock.Advance(tick - _clock.GetUtcNow());

        await Eventually.Until(
            () => WaitingFor(first) == tick.AddMinutes(5) && WaitingFor(second) == tick.AddMinutes(5), what: "both moved on");
        Assert.Equal(1, first.Behaviour.TimerCalls.Count + second.Behaviour.TimerCalls.Count);
    }

    [Fact]
    public async Task A_tick_missed_while_no_instance_ran_is_run_once_past_due_on_start()
    {
        var tick = NextTick;
        await using (var app = Instance())
        {
            await Eventually.Until(() => WaitingFor(app) == tick, what: "schedule status written");
        }

        // Three ticks pass while nothing runs.
        _clock.Advance(tick.AddMinutes(12) - _clock.GetUtcNow());
        await using var restarted = Instance();

        await Eventually.Until(() => WaitingFor(restarted) == tick.AddMinutes(15), what: "caught up");
        var run = Assert.Single(restarted.Behaviour.TimerCalls);
        Assert.True(run.IsPastDue);
    }
}
