using Microsoft.Extensions.Options;
using Petitions.Functions.Runtime.Metadata;

namespace Petitions.Functions.Runtime.Standalone;

/// <summary>
/// Standalone mode only: starts one queue listener per enabled queue function and one scheduler per enabled timer
/// function, from the function.json/host.json settings. Stopping waits for in-flight messages until the host's
/// shutdown timeout, then has them made visible again.
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
    TimeProvider time,
    ILoggerFactory loggers) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stopReceiving = new();
    private readonly CancellationTokenSource _abortHandlers = new();
    private readonly List<Task> _running = [];

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

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopReceiving.CancelAsync().ConfigureAwait(false);
        using (cancellationToken.Register(_abortHandlers.Cancel))
        {
            // Each listener returns once its in-flight messages are done or released (bounded by the abort above).
            await Task.WhenAll(_running).ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        _stopReceiving.Dispose();
        _abortHandlers.Dispose();
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
