using System.Net;
using Petitions.TestKit;

namespace Petitions.LocalHost.Tests;

/// <summary>The local host executable as tools/run.sh and CI run it: stop signals, exit codes, and its worker's life.</summary>
public sealed class HostProcessTests
{
    [Theory]
    [InlineData("TERM")]
    [InlineData("INT")]
    [InlineData("QUIT")]
    public async Task A_stop_signal_lets_the_request_in_flight_finish_terminates_the_worker_and_exits_0(string signal)
    {
        var setup = new TestHost();
        var name = Guid.NewGuid().ToString("N");
        using var host = HostProcess.Start(TestHost.ScriptRoot, setup.Settings);
        try
        {
            using var client = new HttpClient { BaseAddress = await host.ListeningAsync(), Timeout = TimeSpan.FromSeconds(90) };
            var held = client.GetAsync($"hold/{name}");
            await Eventually.Until(() => File.Exists(SignalPath(name) + ".waiting") || held.IsCompleted, TimeSpan.FromSeconds(60), "the function is waiting for its signal");

            Processes.Signal(host.Id, signal);
            await Eventually.Until(() => host.Output.Any(l => l.Contains("stopping gracefully", StringComparison.Ordinal)) || host.HasExited, TimeSpan.FromSeconds(30), "graceful stop begun");
            Assert.False(host.HasExited, "The host exited before its request in flight finished:\n" + string.Join('\n', host.Output));
            await File.WriteAllTextAsync(SignalPath(name), "go");

            using var response = await held;
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal($"released {name}", await response.Content.ReadAsStringAsync());
            Assert.True(0 == await host.ExitCodeAsync(TimeSpan.FromSeconds(60)), "Exit code not 0:\n" + string.Join('\n', host.Output));
            Assert.Contains(host.Output, l => l.EndsWith("exited with code 0 after WorkerTerminate", StringComparison.Ordinal));
            Assert.False(Processes.IsRunning(host.WorkerProcessIds.Single()));
        }
        finally
        {
            File.Delete(SignalPath(name));
            File.Delete(SignalPath(name) + ".waiting");
        }
    }

    [Fact]
    public async Task A_start_up_failure_exits_1_with_its_sentence()
    {
        var empty = Directory.CreateTempSubdirectory("petitions-no-worker-");
        try
        {
            using var host = HostProcess.Start(empty.FullName, new Dictionary<string, string>());

            var code = await host.ExitCodeAsync(TimeSpan.FromSeconds(60));

            Assert.True(code == 1, $"Exit code {code}:\n" + string.Join('\n', host.Output));
            Assert.Contains(host.Output, l => l.Contains("worker.config.json", StringComparison.Ordinal) && l.Contains("--script-root", StringComparison.Ordinal));
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_host_killed_with_SIGKILL_takes_its_worker_with_it()
    {
        using var host = HostProcess.Start(TestHost.ScriptRoot, new TestHost().Settings);
        await host.ListeningAsync();
        var worker = host.WorkerProcessIds.Single();
        Assert.True(Processes.IsRunning(worker));

        Processes.Signal(host.Id, "KILL");
        await host.ExitCodeAsync(TimeSpan.FromSeconds(30));

        await Eventually.Until(() => !Processes.IsRunning(worker), TimeSpan.FromSeconds(20), $"worker {worker} gone after its host was killed");
    }

    [Fact]
    public async Task A_second_stop_signal_ends_the_host_at_once_and_its_worker_follows()
    {
        var name = Guid.NewGuid().ToString("N");
        using var host = HostProcess.Start(TestHost.ScriptRoot, new TestHost().Settings);
        try
        {
            using var client = new HttpClient { BaseAddress = await host.ListeningAsync(), Timeout = TimeSpan.FromSeconds(90) };
            var held = client.GetAsync($"hold/{name}"); // keeps the graceful stop waiting
            await Eventually.Until(() => File.Exists(SignalPath(name) + ".waiting") || held.IsCompleted, TimeSpan.FromSeconds(60), "the function is waiting for its signal");
            var worker = host.WorkerProcessIds.Single();
            Processes.Signal(host.Id, "TERM");
            await Eventually.Until(() => host.Output.Any(l => l.Contains("stopping gracefully", StringComparison.Ordinal)) || host.HasExited, TimeSpan.FromSeconds(30), "graceful stop begun");

            Processes.Signal(host.Id, "TERM");

            Assert.Equal(128 + 15, await host.ExitCodeAsync(TimeSpan.FromSeconds(30)));
            await Eventually.Until(() => !Processes.IsRunning(worker), TimeSpan.FromSeconds(20), $"worker {worker} gone with its host");
            await Assert.ThrowsAnyAsync<HttpRequestException>(() => held);
        }
        finally
        {
            File.Delete(SignalPath(name) + ".waiting");
        }
    }

    private static string SignalPath(string name) => Path.Combine(Path.GetTempPath(), $"petitions-signal-{name}");
}
