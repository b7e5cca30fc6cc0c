using Petitions.Core.Time;

namespace Petitions.Core.Tests.Time;

public sealed class ManualTimeProviderTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 22, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Advancing_moves_now_by_exactly_the_delta()
    {
        var clock = new ManualTimeProvider(Start);
        clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(Start.AddMinutes(5), clock.GetUtcNow());
    }

    [Fact]
    public async Task A_delay_completes_only_when_the_clock_passes_its_due_time()
    {
        var clock = new ManualTimeProvider(Start);
        var delay = Task.Delay(TimeSpan.FromMinutes(10), clock);

        clock.Advance(TimeSpan.FromMinutes(9));
        Assert.False(delay.IsCompleted);

        clock.Advance(TimeSpan.FromMinutes(1));
        await delay.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.True(delay.IsCompletedSuccessfully);
    }

    [Fact]
    public void A_periodic_timer_fires_once_per_period_passed()
    {
        var clock = new ManualTimeProvider(Start);
        var fired = 0;
        using var timer = clock.CreateTimer(_ => Interlocked.Increment(ref fired), null, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(5));

        clock.Advance(TimeSpan.FromMinutes(16));

        Assert.Equal(3, fired);
    }

    [Fact]
    public void Moving_the_clock_backwards_fires_nothing()
    {
        var clock = new ManualTimeProvider(Start);
        var fired = 0;
        using var timer = clock.CreateTimer(_ => fired++, null, TimeSpan.FromMinutes(5), Timeout.InfiniteTimeSpan);

        clock.SetUtcNow(Start.AddHours(-1));

        Assert.Equal(0, fired);
        Assert.Equal(Start.AddHours(-1), clock.GetUtcNow());
    }
}
