namespace Petitions.Functions.Runtime.Registry;

/// <summary>A timer-triggered function, run on the NCRONTAB schedule of its function.json.</summary>
internal interface ITimerFunction
{
    Task RunAsync(TimerTriggerInfo timer, CancellationToken cancellationToken);
}

/// <summary>The Functions host's <c>TimerInfo</c>: whether this run is late (a missed tick caught up) and the schedule status.</summary>
internal sealed record TimerTriggerInfo(string FunctionName, bool IsPastDue, ScheduleStatus? ScheduleStatus, InvocationLog Log);

/// <summary>The last and next occurrences as recorded in the schedule monitor.</summary>
internal sealed record ScheduleStatus(DateTimeOffset Last, DateTimeOffset Next, DateTimeOffset LastUpdated);
