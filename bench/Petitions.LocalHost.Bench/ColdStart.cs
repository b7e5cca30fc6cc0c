using System.Diagnostics;
using Petitions.LocalHost;

namespace Petitions.LocalHost.Bench;

/// <summary>A fresh host and worker per run: how long until the first HTTP request is served.</summary>
internal static class ColdStart
{
    public static async Task<(double FromStart, double FromProcess)> MeasureAsync(LocalHostOptions options)
    {
        var clock = Stopwatch.StartNew();
        var host = await LocalFunctionsHost.StartAsync(options, CancellationToken.None).ConfigureAwait(false);
        await using var disposeHost = host.ConfigureAwait(false);
        using var worker = Process.GetProcessById(host.WorkerProcessId!.Value);
        var processStarted = worker.StartTime.ToUniversalTime();
        using var client = new HttpClient { BaseAddress = host.BaseAddress };
        using var response = await client.GetAsync("status/200").ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var served = TimeProvider.System.GetUtcNow().UtcDateTime;
        return (clock.Elapsed.TotalMilliseconds, (served - processStarted).TotalMilliseconds);
    }
}
