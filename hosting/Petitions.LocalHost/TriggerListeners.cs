using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Petitions.LocalHost;

/// <summary>The queue and timer listeners of the loaded functions: created and checked at start, stopped gracefully.</summary>
internal sealed class TriggerListeners : IDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly List<Func<CancellationToken, Task>> runs = [];
    private readonly List<Task> running = [];

    private TriggerListeners()
    {
    }

    public static async Task<TriggerListeners> CreateAsync(
        IReadOnlyList<FunctionDescription> functions, WorkerSupervisor supervisor, HostJson hostJson, ILoggerFactory loggers, TimeProvider schedulerTime, CancellationToken ct)
    {
        var listeners = new TriggerListeners();
        var invoker = new TriggerInvoker(supervisor, loggers.CreateLogger("Host.Triggers"));
        var hostId = HostId(supervisor);
        foreach (var function in functions)
        {
            function.TriggerProperties.TryGetValue("connection", out var connection);
            if (string.Equals(function.TriggerType, "queueTrigger", StringComparison.OrdinalIgnoreCase))
            {
                var queue = new QueueListener(function, StorageAccount.Queues(supervisor.Settings, connection), hostJson.Queues, invoker, TimeProvider.System, loggers.CreateLogger("Host.Queues"));
                await queue.InitialiseAsync(ct).ConfigureAwait(false);
                listeners.runs.Add(queue.RunAsync);
            }
            else if (string.Equals(function.TriggerType, "timerTrigger", StringComparison.OrdinalIgnoreCase))
            {
                var expression = function.TriggerProperties.TryGetValue("schedule", out var s) ? s : throw new LocalHostStartupException($"Function '{function.Name}' has a timerTrigger without schedule.");
                var schedule = TimerSchedule.Parse(function.Name, expression, supervisor.Settings);
                var store = new TimerStatusStore(StorageAccount.Blobs(supervisor.Settings, null), hostId, function.Name);
                var timer = new TimerListener(function, schedule, store, invoker, schedulerTime, loggers.CreateLogger("Host.Timers"));
                await timer.InitialiseAsync(ct).ConfigureAwait(false);
                listeners.runs.Add(timer.RunAsync);
            }
        }

        return listeners;
    }

    public void Start()
    {
        foreach (var run in runs)
        {
            running.Add(Task.Run(() => run(stop.Token)));
        }
    }

    /// <summary>Stops polling and timers, then waits for the invocations they started.</summary>
    public async Task StopAsync()
    {
        await stop.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(running).ConfigureAwait(false);
    }

    public void Dispose() => stop.Dispose();

    /// <summary>The host id: setting <c>AzureFunctionsWebHost__hostid</c>, else stable per script root (≤ 32 chars, lower case).</summary>
    private static string HostId(WorkerSupervisor supervisor)
    {
        if (supervisor.Settings.Get("AzureFunctionsWebHost__hostid") is { Length: > 0 } configured)
        {
            return configured.ToLowerInvariant();
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(supervisor.ScriptRoot));
        return "local-" + Convert.ToHexStringLower(hash)[..26];
    }
}
