using System.Text.Json;
using Microsoft.Extensions.Logging;
using Petitions.LocalHost.Rpc;

namespace Petitions.LocalHost;

/// <summary>
/// Fires one timer function: waits for the next occurrence on the injected clock, claims the tick by a
/// conditional write of the status blob (so two hosts on one account never both fire it), then invokes.
/// A tick missed while no host ran fires once on start with IsPastDue; runOnStartup fires once at start.
/// </summary>
internal sealed class TimerListener(
    FunctionDescription function,
    TimerSchedule schedule,
    TimerStatusStore store,
    TriggerInvoker invoker,
    TimeProvider time,
    ILogger logger)
{
    private readonly bool runOnStartup = function.TriggerProperties.TryGetValue("runOnStartup", out var r) && bool.TryParse(r, out var b) && b;

    public async Task InitialiseAsync(CancellationToken ct)
    {
        await store.InitialiseAsync(ct).ConfigureAwait(false);
        var (status, etag) = await store.ReadAsync(ct).ConfigureAwait(false);
        if (status is null)
        {
            // first run on this account: record the next occurrence so a later outage is noticed
            var now = time.GetUtcNow();
            await store.TryWriteAsync(new TimerStatus(now, schedule.Next(now), now), etag, ct).ConfigureAwait(false);
        }
    }

    public async Task RunAsync(CancellationToken stop)
    {
        try
        {
            var started = true;
            while (!stop.IsCancellationRequested)
            {
                var (status, etag) = await store.ReadAsync(stop).ConfigureAwait(false);
                var now = time.GetUtcNow();
                var due = status?.Next ?? schedule.Next(now);
                if (due <= now)
                {
                    // the tick at `due` has not been fired by anyone: past due if it is not this very moment
                    await FireAsync(due, status, etag, isPastDue: due < now, stop).ConfigureAwait(false);
                }
                else if (started && runOnStartup)
                {
                    await FireAsync(now, status, etag, isPastDue: false, stop, next: due).ConfigureAwait(false);
                }
                else
                {
                    await Task.Delay(due - now, time, stop).ConfigureAwait(false);
                }

                started = false;
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // host stopping
        }
    }

    private async Task FireAsync(DateTimeOffset tick, TimerStatus? previous, Azure.ETag? etag, bool isPastDue, CancellationToken stop, DateTimeOffset? next = null)
    {
        var now = time.GetUtcNow();
        var claimed = new TimerStatus(tick, next ?? schedule.Next(now > tick ? now : tick), now);
        if (!await store.TryWriteAsync(claimed, etag, stop).ConfigureAwait(false))
        {
            logger.LogInformation("Timer {Function} tick {Tick:o} taken by another host", function.Name, tick);
            return;
        }

        var payload = JsonSerializer.Serialize(new
        {
            Schedule = new { AdjustForDST = true },
            ScheduleStatus = previous is null ? null : new { previous.Last, Next = previous.Next, previous.LastUpdated },
            IsPastDue = isPastDue,
        });
        logger.LogInformation("Timer {Function} fires for {Tick:o}, past due {IsPastDue}", function.Name, tick, isPastDue);
        await invoker.InvokeAsync(function, new TypedData { Json = payload }, new Dictionary<string, TypedData>(), CancellationToken.None).ConfigureAwait(false);
    }
}
