using System.Collections.Concurrent;
using Petitions.Functions.Runtime.Metadata;
using Petitions.Functions.Runtime.Registry;

namespace Petitions.Functions.Runtime.Standalone;

/// <summary>
/// Plays the Functions host's timer trigger for one function. The schedule status row (<see cref="IScheduleMonitor"/>)
/// says which tick is due next; each instance waits for it on the injected clock, and runs it only after winning the
/// conditional write that moves the row to the following tick — so two instances never both run the same tick.
/// A tick found already past when first looked at (the app was down, or storage was) is run once with
/// <c>IsPastDue = true</c>, and the schedule continues from now: one catch-up run, not one per missed tick.
/// <c>runOnStartup</c> runs the function once when the instance starts.
/// </summary>
internal sealed partial class TimerScheduler(
    FunctionDefinition function,
    TimerSchedule schedule,
    TimeZoneInfo zone,
    IScheduleMonitor monitor,
    FunctionInvoker invoker,
    TimerStates states,
    TimeProvider time,
    ILogger logger)
{
    private static readonly TimeSpan MaxWait = TimeSpan.FromHours(1);
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(5);

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        if (function.Trigger is TimerTriggerBinding { RunOnStartup: true })
        {
            await InvokeAsync(isPastDue: false, status: null, stoppingToken).ConfigureAwait(false);
        }

        DateTimeOffset? waitedFor = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var now = time.GetUtcNow();
                var record = await monitor.GetAsync(function.Name, stoppingToken).ConfigureAwait(false);
                if (record is null)
                {
                    var first = new ScheduleRecord(null, schedule.NextAfter(now, zone), now);
                    await monitor.TryWriteAsync(function.Name, null, first, stoppingToken).ConfigureAwait(false);
                    continue;
                }

                if (record.Next > now)
                {
                    waitedFor = record.Next;
                    var wait = record.Next - now;
                    var delay = Task.Delay(wait < MaxWait ? wait : MaxWait, time, stoppingToken);

                    // Reported once the timer exists, so that whoever moves a manual clock after seeing it moves this wait too.
                    states.Waiting(function.Name, record.Next);
                    await delay.ConfigureAwait(false);
                    continue;
                }

                var isPastDue = waitedFor != record.Next;
                var next = schedule.NextAfter(now, zone);
                var claim = new ScheduleRecord(record.Next, next, now);
                if (!await monitor.TryWriteAsync(function.Name, record, claim, stoppingToken).ConfigureAwait(false))
                {
                    // Another instance took this tick.
                    continue;
                }

                await InvokeAsync(isPastDue, new ScheduleStatus(record.Next, next, now), stoppingToken).ConfigureAwait(false);
                states.Ran(function.Name, record.Next);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogScheduleFailed(logger, e, function.Name);
                try
                {
                    await Task.Delay(RetryAfterFailure, time, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task InvokeAsync(bool isPastDue, ScheduleStatus? status, CancellationToken cancellationToken)
    {
        try
        {
            await invoker.InvokeTimerAsync(new TimerTriggerInfo(function.Name, isPastDue, status, new InvocationLog()), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Like the Functions host: a failed run is logged; the schedule goes on.
            LogRunFailed(logger, e, function.Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Timer {Function}: reading or writing its schedule status failed; retrying")]
    private static partial void LogScheduleFailed(ILogger logger, Exception exception, string function);

    [LoggerMessage(Level = LogLevel.Error, Message = "Timer {Function} failed")]
    private static partial void LogRunFailed(ILogger logger, Exception exception, string function);
}

/// <summary>What each timer of this instance is doing: the tick it waits for and the last tick it ran. For tests and diagnostics.</summary>
internal sealed class TimerStates
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _waiting = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _ran = new(StringComparer.OrdinalIgnoreCase);

    public DateTimeOffset? WaitingFor(string function) => _waiting.TryGetValue(function, out var t) ? t : null;

    public DateTimeOffset? LastRun(string function) => _ran.TryGetValue(function, out var t) ? t : null;

    internal void Waiting(string function, DateTimeOffset tick) => _waiting[function] = tick;

    internal void Ran(string function, DateTimeOffset tick) => _ran[function] = tick;
}
