namespace Petitions.Functions.Runtime.Standalone;

/// <summary>
/// Where timer schedule status lives (one row per timer function), shared by every instance of the app. Claiming a tick
/// is a conditional write on the row's version (ETag), so that of two instances that see the same due tick, one wins.
/// </summary>
internal interface IScheduleMonitor
{
    Task<ScheduleRecord?> GetAsync(string function, CancellationToken cancellationToken);

    /// <summary>
    /// Writes <paramref name="next"/> if the row is still as read (<paramref name="current"/>, or absent when null);
    /// false when another instance changed it first.
    /// </summary>
    Task<bool> TryWriteAsync(string function, ScheduleRecord? current, ScheduleRecord next, CancellationToken cancellationToken);
}

/// <summary>
/// A timer's status: the last tick run (<see cref="Last"/>, null before the first), the next tick due, when it was written,
/// and the row version used to guard the next write.
/// </summary>
internal sealed record ScheduleRecord(DateTimeOffset? Last, DateTimeOffset Next, DateTimeOffset LastUpdated, string? Version = null);
