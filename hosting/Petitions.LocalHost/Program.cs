using Microsoft.Extensions.Logging;
using Petitions.LocalHost;

// dotnet Petitions.LocalHost.dll --script-root <worker output> [--urls http://localhost:7071] [--settings <file>]
string? Arg(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();

var scriptRoot = Arg("--script-root");
if (scriptRoot is null)
{
    Console.Error.WriteLine("Usage: Petitions.LocalHost --script-root <worker output folder> [--urls http://localhost:7071] [--settings <file>]");
    return 2;
}

using var loggers = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Information));
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.Cancel();

try
{
    var host = await LocalFunctionsHost.StartAsync(
        new LocalHostOptions { ScriptRoot = scriptRoot, Urls = Arg("--urls") ?? "http://localhost:7071", SettingsFile = Arg("--settings"), LoggerFactory = loggers },
        stop.Token).ConfigureAwait(false);
    await using (host.ConfigureAwait(false))
    {
        Console.WriteLine($"Functions host listening on {host.BaseAddress}");
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C / SIGTERM: graceful stop below
        }

        await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
        return 0;
    }
}
catch (LocalHostStartupException e)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}
catch (IOException e)
{
    // e.g. the listening address is already in use
    Console.Error.WriteLine($"The local host could not start: {e.Message}");
    return 1;
}
