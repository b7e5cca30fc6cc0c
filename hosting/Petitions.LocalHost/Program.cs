using System.Runtime.InteropServices;
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

// SIGINT (Ctrl+C), SIGTERM (tools/run.sh, CI, the OS at shutdown) and SIGQUIT all ask for the graceful
// stop; a second signal takes its default action and ends the process at once. The handlers only
// complete a task: nothing they touch is ever disposed.
var stopRequested = new TaskCompletionSource<PosixSignal>(TaskCreationOptions.RunContinuationsAsynchronously);
void OnStopSignal(PosixSignalContext context) => context.Cancel = stopRequested.TrySetResult(context.Signal);
using var onInt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnStopSignal);
using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnStopSignal);
using var onQuit = PosixSignalRegistration.Create(PosixSignal.SIGQUIT, OnStopSignal);

LocalFunctionsHost host;
using (var startAborted = new CancellationTokenSource())
{
    var starting = LocalFunctionsHost.StartAsync(
        new LocalHostOptions { ScriptRoot = scriptRoot, Urls = Arg("--urls") ?? "http://localhost:7071", SettingsFile = Arg("--settings"), LoggerFactory = loggers },
        startAborted.Token);
    try
    {
        if (await Task.WhenAny(starting, stopRequested.Task).ConfigureAwait(false) != starting)
        {
            await startAborted.CancelAsync().ConfigureAwait(false); // a stop signal during start-up
        }

        host = await starting.ConfigureAwait(false);
    }
    catch (OperationCanceledException) when (stopRequested.Task.IsCompleted)
    {
        Console.WriteLine($"{stopRequested.Task.Result} during start-up: stopped");
        return 0;
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
    catch (TimeoutException)
    {
        Console.Error.WriteLine("The local host could not start: the worker did not load its functions within 60 s.");
        return 1;
    }
}

await using (host.ConfigureAwait(false))
{
    Console.WriteLine($"Functions host listening on {host.BaseAddress}");
    var signal = await stopRequested.Task.ConfigureAwait(false);
    Console.WriteLine($"{signal}: stopping gracefully (no new requests; invocations in flight finish, 60 s at most)");

    // bounded: what is still running then is cut off (the worker is killed by DisposeAsync)
    using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(60));
    try
    {
        await host.StopAsync(bound.Token).ConfigureAwait(false);
    }
    catch (OperationCanceledException)
    {
        Console.Error.WriteLine("The graceful stop did not end within 60 s: the rest is cut off");
    }
}

return 0;
