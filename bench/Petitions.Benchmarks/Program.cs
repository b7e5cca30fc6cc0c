using System.Globalization;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Petitions.Benchmarks;
using Petitions.TestKit;

// The benchmarks that read storage need Azurite. The host process starts one private emulator (the tests' own
// AzuriteServer: pinned in tools/package-lock.json, free ports, its own data folder, stopped with this process)
// and hands its connection string to every benchmark process through the environment.
AzuriteServer? azurite = null;
if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(BenchStorage.Variable)))
{
    try
    {
        azurite = AzuriteServer.StartPrivate();
    }
    catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception or IOException)
    {
        await Console.Error.WriteLineAsync(
            "The benchmarks could not start Azurite (they need Node 20 and npm to install it from tools/package-lock.json): "
            + e.Message).ConfigureAwait(false);
        return 2;
    }

    Environment.SetEnvironmentVariable(BenchStorage.Variable, azurite.ConnectionString);
}

try
{
    var summaries = BenchmarkSwitcher.FromAssembly(typeof(BenchStorage).Assembly).Run(args).ToList();
    if (summaries.Count == 0 && args.Any(a => a is "--filter" or "-f"))
    {
        await Console.Error.WriteLineAsync("No benchmark matches the filter; nothing was measured.").ConfigureAwait(false);
        return 1;
    }

    var failed = summaries.Where(Failed).ToList();
    foreach (var summary in failed)
    {
        await Console.Error.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"{summary.Title}: a benchmark failed or was invalid (see the log above).")).ConfigureAwait(false);
    }

    return failed.Count == 0 ? 0 : 1;
}
finally
{
    azurite?.Dispose();
}

static bool Failed(Summary summary) =>
    summary.HasCriticalValidationErrors || summary.Reports.Any(r => !r.Success || r.ExecuteResults.Any(e => e.ExitCode is not 0));
