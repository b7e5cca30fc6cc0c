using System.Net;
using Petitions.TestKit;

namespace Petitions.LocalHost.Tests;

public sealed class LifecycleTests
{
    [Fact]
    public async Task A_crashed_worker_is_restarted_and_serves_again()
    {
        await using var host = await new TestHost().StartAsync();
        using var client = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        var first = host.WorkerProcessId;

        try
        {
            using var crash = await client.PostAsync("crash", null);
        }
        catch (HttpRequestException)
        {
            // the worker died under the request: expected
        }

        await Eventually.Until(() => host.WorkerRestarts == 1, TimeSpan.FromSeconds(30), "worker restarted");
        using var response = await Eventually.Until(() => client.GetAsync("status/200"), r => r.StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(30), "served again");
        Assert.NotEqual(first, host.WorkerProcessId);
    }

    [Fact]
    public async Task A_worker_stopped_with_SIGTERM_is_not_restarted()
    {
        // what the OS does to every process at shutdown, or an operator to the worker: a stop, not a crash
        await using var host = await new TestHost().StartAsync();
        var worker = host.WorkerProcessId!.Value;

        Processes.Signal(worker, "TERM");

        await Eventually.Until(() => host.WorkerRestarts > 0 || host.Logs.Any(l => l.Message.Contains($"Worker process {worker} exited", StringComparison.Ordinal)), TimeSpan.FromSeconds(30), "the worker's exit seen");
        Assert.Equal(0, host.WorkerRestarts);
        Assert.Contains(host.Logs, l => l.Message == $"Worker process {worker} exited with code 0 while the host runs: it was stopped, not crashed; not restarted");
        Assert.False(Processes.IsRunning(worker));
    }

    [Fact]
    public async Task The_host_is_ready_only_when_the_workers_HTTP_server_listens()
    {
        // the worker's gRPC handshake ends while its web host is held before binding: a loaded machine, made certain
        await using var host = await new TestHost { Extra = { ["TestWorker_HttpStartDelayMs"] = "3000" } }.StartAsync();
        using var client = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

        using var response = await client.GetAsync("status/409");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("status 409", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_graceful_stop_lets_in_flight_HTTP_and_queue_invocations_finish_then_terminates_the_worker()
    {
        var setup = new TestHost();
        await using var host = await setup.StartAsync();
        using var client = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        var (httpSignal, queueSignal) = (Guid.NewGuid().ToString("N"), Guid.NewGuid().ToString("N"));
        var held = client.GetAsync($"hold/{httpSignal}");
        await TestHost.Queue(setup.WorkQueue).SendMessageAsync($"hold {queueSignal}");
        await Eventually.Until(() => host.InFlightInvocations == 2, TimeSpan.FromSeconds(60), "both invocations in flight");

        var stop = host.StopAsync(CancellationToken.None);
        Assert.False(stop.IsCompleted); // it cannot finish: both functions wait for their signal
        Assert.DoesNotContain(host.Logs, l => l.Message.Contains("exited", StringComparison.Ordinal));
        try
        {
            await File.WriteAllTextAsync(SignalPath(httpSignal), "go");
            await File.WriteAllTextAsync(SignalPath(queueSignal), "go");

            using var response = await held;
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal($"released {httpSignal}", await response.Content.ReadAsStringAsync());
            await stop.WaitAsync(TimeSpan.FromSeconds(60));
        }
        finally
        {
            foreach (var file in new[] { SignalPath(httpSignal), SignalPath(queueSignal) })
            {
                File.Delete(file);
                File.Delete(file + ".waiting");
            }
        }

        Assert.Contains($"hold {queueSignal}", await TestHost.PeekAllAsync("work-done"));
        Assert.Empty(await TestHost.PeekAllAsync(setup.WorkQueue)); // the finished message was deleted, not left to reappear
        Assert.Contains(host.Logs, l => l.Message.EndsWith("exited with code 0 after WorkerTerminate", StringComparison.Ordinal));
    }

    private static string SignalPath(string name) => Path.Combine(Path.GetTempPath(), $"petitions-signal-{name}");

    [Fact]
    public async Task A_setting_a_trigger_names_but_nobody_defines_stops_start_up_with_a_sentence()
    {
        var file = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid()}.settings.json");
        await File.WriteAllTextAsync(file, """{ "Values": { "TickSchedule": "0 0 0 1 1 *" } }""");
        try
        {
            var error = await Assert.ThrowsAsync<LocalHostStartupException>(() => LocalFunctionsHost.StartAsync(
                new LocalHostOptions { ScriptRoot = TestHost.ScriptRoot, Urls = "http://127.0.0.1:0", SettingsFile = file }, CancellationToken.None));
            Assert.Contains("'WorkQueueName'", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
