using System.Globalization;
using Petitions.LocalHost;
using Petitions.LocalHost.Bench;

// dotnet run -c Release --project bench/Petitions.LocalHost.Bench [-- <requests> <cold-start runs>]
var requests = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2000;
var coldRuns = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
var configuration = Path.GetFileName(Path.GetDirectoryName(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar))!);
var scriptRoot = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "tests", "Petitions.LocalHost.TestWorker", "bin", configuration, "net10.0"));
var options = new LocalHostOptions
{
    ScriptRoot = scriptRoot,
    Urls = "http://127.0.0.1:0",
    Settings = new Dictionary<string, string>
    {
        // HTTP only: the queue and timer functions of the test worker stay unloaded, so no storage is needed
        ["AzureWebJobs.Work.Disabled"] = "true",
        ["AzureWebJobs.Tick.Disabled"] = "true",
        ["WorkQueueName"] = "unused",
        ["TickFiredQueueName"] = "unused",
        ["TickSchedule"] = "0 0 0 1 1 *",
        ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
    },
};

Console.WriteLine($"Local host benchmark: {Environment.ProcessorCount} cores, .NET {Environment.Version}, script root {scriptRoot}");
Console.WriteLine();
Console.WriteLine($"Cold start ({coldRuns} runs): StartAsync -> first 200, and worker process start -> first 200");
var cold = new List<(double FromStart, double FromProcess)>();
for (var run = 1; run <= coldRuns; run++)
{
    var result = await ColdStart.MeasureAsync(options).ConfigureAwait(false);
    cold.Add(result);
    Console.WriteLine($"  run {run}: {result.FromStart,7:0} ms from StartAsync, {result.FromProcess,7:0} ms from process start");
}

Console.WriteLine($"  median: {Stats.Median(cold.Select(c => c.FromStart)):0} ms from StartAsync, {Stats.Median(cold.Select(c => c.FromProcess)):0} ms from process start");
Console.WriteLine();

var host = await LocalFunctionsHost.StartAsync(options, CancellationToken.None).ConfigureAwait(false);
await using var disposeHost = host.ConfigureAwait(false);
var latency = await Latency.MeasureAsync(host, requests).ConfigureAwait(false);
Console.WriteLine($"Latency per GET status/200, {requests} sequential requests each way, interleaved, after {Latency.WarmUp} warm-up each:");
Console.WriteLine($"  direct (gRPC invocation + worker HTTP): p50 {latency.Direct.P50:0.000} ms  p99 {latency.Direct.P99:0.000} ms");
Console.WriteLine($"  through the local host:                 p50 {latency.Host.P50:0.000} ms  p99 {latency.Host.P99:0.000} ms");
Console.WriteLine($"  added by the host: p50 {latency.Host.P50 - latency.Direct.P50:+0.000;-0.000} ms (x{latency.Host.P50 / latency.Direct.P50:0.00}), p99 {latency.Host.P99 - latency.Direct.P99:+0.000;-0.000} ms (x{latency.Host.P99 / latency.Direct.P99:0.00})");
