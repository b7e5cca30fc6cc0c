using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Petitions.TestKit;

namespace Petitions.LocalHost.Tests;

/// <summary>
/// The built local host executable (hosting/Petitions.LocalHost/bin/&lt;Configuration&gt;/net10.0) run as a
/// child process of the test, as tools/run.sh and CI run it; its output is kept line by line.
/// Dispose kills it and the worker it started, whatever the test did.
/// </summary>
internal sealed partial class HostProcess : IDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> output = new();

    private HostProcess(Process process) => this.process = process;

    public static string Executable
    {
        get
        {
            var configuration = Directory.GetParent(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar))!.Name;
            return Path.Combine(RepositoryPaths.Root, "hosting", "Petitions.LocalHost", "bin", configuration, "net10.0", "Petitions.LocalHost.dll");
        }
    }

    public int Id => process.Id;

    public IReadOnlyCollection<string> Output => output;

    public bool HasExited => process.HasExited;

    /// <summary>
    /// Starts the host on <paramref name="scriptRoot"/> with the settings as environment. It runs under
    /// <c>env --default-signal=INT,QUIT</c>: a test runner started as a background job of a
    /// non-interactive shell has SIGINT and SIGQUIT ignored, and its children would inherit that.
    /// </summary>
    public static HostProcess Start(string scriptRoot, IReadOnlyDictionary<string, string> settings)
    {
        var info = new ProcessStartInfo("env")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var arg in new[] { "--default-signal=INT,QUIT", "dotnet", Executable, "--script-root", scriptRoot, "--urls", "http://127.0.0.1:0" })
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in settings)
        {
            info.Environment[key] = value;
        }

        var started = Process.Start(info) ?? throw new InvalidOperationException("The local host could not be started.");
        var host = new HostProcess(started);
        started.OutputDataReceived += (_, e) => { if (e.Data is not null) { host.output.Enqueue(e.Data); } };
        started.ErrorDataReceived += (_, e) => { if (e.Data is not null) { host.output.Enqueue("stderr: " + e.Data); } };
        started.BeginOutputReadLine();
        started.BeginErrorReadLine();
        return host;
    }

    /// <summary>Waits for "Functions host listening on …" and returns that address.</summary>
    public async Task<Uri> ListeningAsync()
    {
        var line = await Eventually.Until(
            () => Task.FromResult(output.FirstOrDefault(l => l.StartsWith("Functions host listening on ", StringComparison.Ordinal)) ?? (process.HasExited ? "exited" : "")),
            l => l.Length > 0, TimeSpan.FromSeconds(90), "host listening").ConfigureAwait(false);
        Assert.True(line != "exited", "The host exited before listening:\n" + string.Join('\n', output));
        return new Uri(line["Functions host listening on ".Length..]);
    }

    /// <summary>The worker processes the host said it started, in order.</summary>
    public IReadOnlyList<int> WorkerProcessIds =>
        [.. output.Select(l => WorkerStarted().Match(l)).Where(m => m.Success).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))];

    public async Task<int> ExitCodeAsync(TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
        return process.ExitCode;
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        foreach (var worker in WorkerProcessIds)
        {
            Processes.KillIfRunning(worker);
        }

        process.Dispose();
    }

    [GeneratedRegex(@"Worker started, process (\d+)")]
    private static partial Regex WorkerStarted();
}

/// <summary>Signals and process checks by process id (Process.Kill only sends SIGKILL).</summary>
internal static class Processes
{
    public static void Signal(int pid, string signal)
    {
        var info = new ProcessStartInfo("kill") { UseShellExecute = false };
        info.ArgumentList.Add("-s");
        info.ArgumentList.Add(signal);
        info.ArgumentList.Add(pid.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var kill = Process.Start(info)!;
        kill.WaitForExit();
        Assert.True(kill.ExitCode == 0, $"kill -s {signal} {pid} failed with {kill.ExitCode}");
    }

    public static bool IsRunning(int pid)
    {
        try
        {
            using var p = Process.GetProcessById(pid);
            return !p.HasExited;
        }
        catch (ArgumentException)
        {
            return false; // no such process
        }
    }

    public static void KillIfRunning(int pid)
    {
        try
        {
            using var p = Process.GetProcessById(pid);
            p.Kill(entireProcessTree: true);
            p.WaitForExit();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            // already gone
        }
    }
}
