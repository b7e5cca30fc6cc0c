using Petitions.Core.LegalClock;

namespace Petitions.Core.Cases;

/// <summary>Whether a clock counts.</summary>
public enum ClockStatus
{
    /// <summary>Counting towards its due date.</summary>
    Running,

    /// <summary>Suspended: the due date moves on by the suspended days when it resumes.</summary>
    Paused,

    /// <summary>Done (the step was completed, or the case left the step).</summary>
    Stopped,
}

/// <summary>
/// One step's legal clock on a case: its trigger, limit, due date, suspensions and extensions.
/// While paused, <see cref="Due"/> is the due date as it would be if resumed on the suspension day.
/// </summary>
public sealed record CaseClock(
    string Kind,
    string Step,
    DateOnly Trigger,
    int Limit,
    ClockUnit Unit,
    string Source,
    DateOnly Due,
    int Extensions,
    IReadOnlyList<SuspendedInterval> Suspensions,
    ClockStatus Status,
    DateOnly? StoppedOn)
{
    /// <summary>True when the clock is running (not paused, not stopped).</summary>
    public bool IsRunning => Status == ClockStatus.Running;
}
