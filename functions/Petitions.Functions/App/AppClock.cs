namespace Petitions.Functions.App;

/// <summary>
/// The application clock in Development: the real time plus a settable offset (<c>POST /dev/clock</c>), so that a demo
/// or a test can jump to the day a deadline falls due while time keeps flowing. Timers stay on real time (the host runs them).
/// A jump does not fire them; POST /dev/clock runs the escalation sweep itself.
/// </summary>
internal sealed class AppClock(TimeProvider real) : TimeProvider
{
    private readonly Lock _gate = new();
    private TimeSpan _offset;

    public override TimeZoneInfo LocalTimeZone => real.LocalTimeZone;

    public override long TimestampFrequency => real.TimestampFrequency;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return real.GetUtcNow() + _offset;
        }
    }

    public override long GetTimestamp() => real.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        real.CreateTimer(callback, state, dueTime, period);

    /// <summary>From now on the clock reads <paramref name="now"/> (and moves on from there).</summary>
    public void Set(DateTimeOffset now)
    {
        lock (_gate)
        {
            _offset = now - real.GetUtcNow();
        }
    }
}
