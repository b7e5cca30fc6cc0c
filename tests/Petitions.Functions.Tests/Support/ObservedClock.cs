using Petitions.Core.Time;

namespace Petitions.Functions.Tests.Support;

/// <summary>A manual clock that also counts the timers created on it, so a test knows code is waiting before it moves time.</summary>
public sealed class ObservedClock(ManualTimeProvider inner) : TimeProvider
{
    private int _timersCreated;

    public ObservedClock(DateTimeOffset start)
        : this(new ManualTimeProvider(start))
    {
    }

    public ManualTimeProvider Manual { get; } = inner;

    public int TimersCreated => Volatile.Read(ref _timersCreated);

    public override DateTimeOffset GetUtcNow() => Manual.GetUtcNow();

    public override long GetTimestamp() => Manual.GetTimestamp();

    public override long TimestampFrequency => Manual.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => Manual.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = Manual.CreateTimer(callback, state, dueTime, period);
        Interlocked.Increment(ref _timersCreated);
        return timer;
    }

    public void Advance(TimeSpan delta) => Manual.Advance(delta);
}
