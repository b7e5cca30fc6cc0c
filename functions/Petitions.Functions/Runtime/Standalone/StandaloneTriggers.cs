using Microsoft.Extensions.Options;
using Petitions.Functions.Runtime.Metadata;

namespace Petitions.Functions.Runtime.Standalone;

/// <summary>
/// Standalone mode only: starts one queue listener per enabled queue function and one scheduler per enabled timer
/// function, from the function.json/host.json settings. Stopping waits for in-flight messages until shortly before the
/// host's shutdown timeout (<see cref="HostOptions.ShutdownTimeout"/>), then has them made visible again — early enough
/// for those releases to finish before the host gives up waiting and the process ends.
/// </summary>
internal sealed partial class StandaloneTriggers(
    FunctionCatalog catalog,
    ITriggerQueueFactory queues,
    IScheduleMonitor monitor,
    FunctionInvoker invoker,
    TimerStates states,
    IOptions<QueueListenerOptions> queueOptions,
    IOptions<TimerOptions> timerOptions,
    IConfiguration settings,
    IOptions<HostOptions> hostOptions,
    TimeProvider time,
    ILoggerFactory loggers) : IHostedService, IDisposable
{
    /// <summary>The most kept back from the shutdown timeout to make aborted messages visible again.</summary>
    private static readonly TimeSpan MaxReleaseMargin = TimeSpan.FromSeconds(3);

    private readonly CancellationTokenSource _stopReceiving = new();
    private readonly CancellationTokenSource _abortHandlers = new();
    private readonly List<Task> _running = [];
    private readonly Lock _gate = new();
    private Task? _stopping;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger("Petitions.Functions.Standalone");
        var zone = ResolveZone(timerOptions.Value, settings);
        foreach (var function in catalog.Functions.Where(f => !f.Disabled))
        {
            switch (function.Trigger)
            {
                case QueueTriggerBinding queue:
                    var listener = new QueueListener(
                        function.Name,
                        queues.Open(queue.QueueName, queue.Connection),
                        queues.Open(queue.QueueName + "-poison", queue.Connection),
                        catalog.Host.Queues,
                        queueOptions.Value,
                        invoker,
                        time,
                        logger);
                    _running.Add(Task.Run(() => listener.RunAsync(_stopReceiving.Token, _abortHandlers.Token), CancellationToken.None));
                    LogListening(logger, function.Name, queue.QueueName);
                    break;
                case TimerTriggerBinding timer:
                    var scheduler = new TimerScheduler(
                        function, TimerSchedule.Parse(timer.Schedule, function.Name), zone, monitor, invoker, states, time, logger);
                    _running.Add(Task.Run(() => scheduler.RunAsync(_stopReceiving.Token), CancellationToken.None));
                    LogScheduled(logger, function.Name, timer.Schedule, zone.Id);
                    break;
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>Stops once; a second caller (the host may stop twice) waits for the same stop.</summary>
    public Task StopAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _stopping ??= StopOnceAsync(cancellationToken);
        }
    }

    private async Task StopOnceAsync(CancellationToken cancellationToken)
    {
        await _stopReceiving.CancelAsync().ConfigureAwait(false);
        var running = Task.WhenAll(_running);
        var timeout = hostOptions.Value.ShutdownTimeout;
        if (timeout != Timeout.InfiniteTimeSpan)
        {
            var margin = TimeSpan.FromTicks(Math.Min(MaxReleaseMargin.Ticks, timeout.Ticks / 2));
            using var grace = new CancellationTokenSource(timeout - margin, time);
            using var graceOver = grace.Token.Register(AbortHandlers);
            using var hostGaveUp = cancellationToken.Register(AbortHandlers);
            await running.ConfigureAwait(false);
        }
        else
        {
            using var hostGaveUp = cancellationToken.Register(AbortHandlers);
            await running.ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        // Never leave handlers running past disposal; the sources are released once nothing uses them.
        AbortHandlers();
        if (_running.TrueForAll(t => t.IsCompleted))
        {
            _stopReceiving.Dispose();
            _abortHandlers.Dispose();
        }
    }

    private void AbortHandlers()
    {
        try
        {
            _abortHandlers.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Disposed: nothing is running any more.
        }
    }

    internal static TimeZoneInfo ResolveZone(TimerOptions options, IConfiguration settings)
    {
        var id = settings["WEBSITE_TIME_ZONE"] is { Length: > 0 } website ? website : options.TimeZone;
        if (string.IsNullOrWhiteSpace(id))
        {
            return TimeZoneInfo.Utc;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException e)
        {
            throw new InvalidOperationException($"The timer time zone '{id}' (WEBSITE_TIME_ZONE or Timers:TimeZone) is not known.", e);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Queue function {Function} listening on {Queue}")]
    private static partial void LogListening(ILogger logger, string function, string queue);

    [LoggerMessage(Level = LogLevel.Information, Message = "Timer function {Function} scheduled '{Schedule}' ({TimeZone})")]
    private static partial void LogScheduled(ILogger logger, string function, string schedule, string timeZone);
}
