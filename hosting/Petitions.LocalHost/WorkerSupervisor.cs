using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Petitions.LocalHost.Rpc;

namespace Petitions.LocalHost;

/// <summary>
/// Starts the worker as the platform does (command line and environment), watches it, restarts it
/// with a back-off when it dies, and hands out the current ready session.
/// </summary>
internal sealed class WorkerSupervisor(string scriptRoot, HostSettings settings, ILoggerFactory loggers, TimeProvider time) : IAsyncDisposable
{
    private static readonly TimeSpan[] BackOff = [TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5)];
    private readonly ILogger logger = loggers.CreateLogger("Host.Worker");
    private readonly ConcurrentQueue<CapturedLog> logs = new();
    private TaskCompletionSource<WorkerSession> ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Process? process;
    private volatile bool stopping;
    private int restarts;

    public string ScriptRoot { get; } = Path.GetFullPath(scriptRoot);

    public HostSettings Settings { get; } = settings;

    public IReadOnlyCollection<CapturedLog> Logs => logs;

    public int Restarts => restarts;

    public int? ProcessId => process?.Id;

    public Task<WorkerSession> Ready => ready.Task;

    public Uri? GrpcUri { get; set; }

    public TimeProvider Time => time;

    public void Start()
    {
        var (executable, worker) = ReadWorkerConfig();
        var workerId = Guid.NewGuid().ToString();
        var info = new ProcessStartInfo(executable)
        {
            WorkingDirectory = ScriptRoot,
            UseShellExecute = false,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            RedirectStandardInput = true, // the watchdog pipe: see TieToHost
        };
        info.ArgumentList.Add(worker);
        foreach (var arg in new[]
        {
            "--host", GrpcUri!.Host, "--port", GrpcUri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--workerId", workerId, "--requestId", workerId,
            "--grpcMaxMessageLength", "2147483647",
            "--functions-uri", GrpcUri.ToString(), "--functions-worker-id", workerId,
            "--functions-request-id", workerId, "--functions-grpc-max-message-length", "2147483647",
        })
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (k, v) in Settings.Values)
        {
            info.Environment[k] = v;
        }

        info.Environment["FUNCTIONS_APPLICATION_DIRECTORY"] = ScriptRoot;
        info.Environment["FUNCTIONS_WORKER_DIRECTORY"] = ScriptRoot;
        info.Environment["FUNCTIONS_WORKER_RUNTIME"] = "dotnet-isolated";
        info.Environment["FUNCTIONS_WORKER_RUNTIME_VERSION"] = "10.0";
        TieToHost(info);

        var started = Process.Start(info) ?? throw new LocalHostStartupException($"The worker '{worker}' could not be started.");
        started.EnableRaisingEvents = true;
        started.ErrorDataReceived += (_, e) => { if (e.Data is not null) { logger.LogWarning("Worker stderr: {Line}", e.Data); } };
        started.OutputDataReceived += (_, e) => { if (e.Data is not null) { logger.LogInformation("Worker stdout: {Line}", e.Data); } };
        started.BeginErrorReadLine();
        started.BeginOutputReadLine();
        started.Exited += (_, _) => _ = OnExitedAsync(started);
        process = started;
        logger.LogInformation("Worker started, process {ProcessId}", started.Id);
    }

    /// <summary>
    /// The worker goes when the host goes, however the host ends (SIGKILL included): its standard input is
    /// a pipe whose only write end this process holds and never writes to, and the startup hook
    /// <c>Petitions.LocalHost.WorkerWatchdog</c> (loaded through DOTNET_STARTUP_HOOKS, as the Functions
    /// tooling loads its own) ends the worker when that pipe reaches its end. The Functions worker does
    /// not exit by itself when its gRPC stream ends, and PR_SET_PDEATHSIG cannot be set on a child that
    /// Process.Start forks (docs/runtime.md, "Worker lifetime").
    /// </summary>
    private static void TieToHost(ProcessStartInfo info)
    {
        var hook = Path.Combine(Path.GetDirectoryName(typeof(WorkerSupervisor).Assembly.Location)!, "Petitions.LocalHost.WorkerWatchdog.dll");
        if (!File.Exists(hook))
        {
            throw new LocalHostStartupException($"'{hook}' is missing: it is built with the local host and ties the worker's life to the host's.");
        }

        var others = info.Environment.TryGetValue("DOTNET_STARTUP_HOOKS", out var existing) && !string.IsNullOrEmpty(existing) ? existing + Path.PathSeparator : "";
        info.Environment["DOTNET_STARTUP_HOOKS"] = others + hook;
        info.Environment["PETITIONS_LOCALHOST_WATCHDOG"] = "stdin";
    }

    public void OnSessionReady(WorkerSession session)
    {
        ready.TrySetResult(session);
        logger.LogInformation("Worker ready with {Count} functions", session.Functions.Count);
    }

    public void OnSessionFailed(Exception error) => ready.TrySetException(error);

    public void WorkerLog(RpcLog log)
    {
        var level = (LogLevel)(int)log.Level;
        var category = string.IsNullOrEmpty(log.Category) ? "Worker" : log.Category;
        loggers.CreateLogger(category).Log(level, "{Message}{Exception}", log.Message, log.Exception is null ? "" : " " + log.Exception.Message);
        logs.Enqueue(new CapturedLog(time.GetUtcNow(), "worker", category, level.ToString(), log.Message + (log.Exception is null ? "" : " " + log.Exception.Message)));
    }

    public async Task StopAsync(TimeSpan grace, CancellationToken ct)
    {
        BeginStop();
        if (ready.Task.IsCompletedSuccessfully)
        {
            var session = ready.Task.Result;
            using var waitCts = CancellationTokenSource.CreateLinkedTokenSource(ct);
            waitCts.CancelAfter(grace);
            try
            {
                // finish in-flight invocations before asking the worker to go
                while (session.InFlight > 0)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(20), time, waitCts.Token).ConfigureAwait(false);
                }

                await session.TerminateAsync(grace, ct).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or InvalidOperationException or IOException)
            {
                logger.LogWarning("Worker did not finish within the grace period");
            }
        }

        if (process is { HasExited: false } p)
        {
            using var exitCts = CancellationTokenSource.CreateLinkedTokenSource(ct);
            exitCts.CancelAfter(grace);
            try
            {
                await p.WaitForExitAsync(exitCts.Token).ConfigureAwait(false);
                HostLog(LogLevel.Information, $"Worker process {p.Id} exited with code {p.ExitCode} after WorkerTerminate");
            }
            catch (OperationCanceledException)
            {
                p.Kill(entireProcessTree: true);
                HostLog(LogLevel.Warning, $"Worker process {p.Id} killed: it did not exit within the grace period");
            }
        }
    }

    private void HostLog(LogLevel level, string message)
    {
        logger.Log(level, "{Message}", message);
        logs.Enqueue(new CapturedLog(time.GetUtcNow(), "host", "Host.Worker", level.ToString(), message));
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(TimeSpan.FromSeconds(5), CancellationToken.None).ConfigureAwait(false);
        process?.Dispose();
    }

    /// <summary>From now on a worker exit is expected: the host is stopping (called first thing by its graceful stop).</summary>
    public void BeginStop() => stopping = true;

    /// <summary>
    /// A worker exit is a crash, and restarted, only while the host runs and when the worker did not stop
    /// on purpose. Exit code 0 is a worker that stopped itself: WorkerTerminate, or SIGTERM / SIGINT /
    /// SIGQUIT handled by its generic host (the OS at shutdown, an operator, a terminal's Ctrl+C reaching
    /// the whole process group). 128 + SIGINT or SIGTERM is the same signal arriving before the worker
    /// handled it. Anything else (an exception, Environment.Exit(n), SIGKILL, SIGSEGV) is a crash.
    /// </summary>
    internal static bool IsStop(int exitCode) => exitCode is 0 or 128 + 2 or 128 + 15;

    private async Task OnExitedAsync(Process exited)
    {
        if (stopping)
        {
            return; // StopAsync records the exit
        }

        var code = exited.ExitCode;
        if (ready.Task.IsCompleted)
        {
            ready = new TaskCompletionSource<WorkerSession>(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        if (IsStop(code))
        {
            HostLog(LogLevel.Warning, $"Worker process {exited.Id} exited with code {code} while the host runs: it was stopped, not crashed; not restarted");
            return;
        }

        var attempt = Interlocked.Increment(ref restarts);
        HostLog(LogLevel.Warning, $"Worker process {exited.Id} exited with code {code}: a crash; restart {attempt}");
        await Task.Delay(BackOff[Math.Min(attempt - 1, BackOff.Length - 1)], time).ConfigureAwait(false);
        if (!stopping)
        {
            Start();
        }
    }

    private (string Executable, string Worker) ReadWorkerConfig()
    {
        var path = Path.Combine(ScriptRoot, "worker.config.json");
        if (!File.Exists(path))
        {
            throw new LocalHostStartupException($"'{path}' does not exist: --script-root must be the worker's build output folder.");
        }

        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var description = doc.RootElement.GetProperty("description");
        var executable = description.TryGetProperty("defaultExecutablePath", out var e) ? e.GetString() ?? "dotnet" : "dotnet";
        var worker = description.GetProperty("defaultWorkerPath").GetString()!;
        return (executable, worker);
    }
}
