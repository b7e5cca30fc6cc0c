using System.Diagnostics.CodeAnalysis;

/// <summary>
/// Ties the worker's life to its local host's. The host starts the worker with its standard input
/// redirected from a pipe whose only write end the host holds, and never writes to it; when the host
/// process ends, however it ends (SIGKILL included), the kernel closes that end and this read sees the
/// end of the stream. The worker then stops the way it stops at a console close: Environment.Exit raises
/// ProcessExit, on which the worker's generic host (ConsoleLifetime) stops its services and returns
/// from Main. The Functions worker itself does not exit when its gRPC stream ends (2.52: the stream's
/// reader loop just returns), and the platform's host ties workers to itself only with Windows job
/// objects, so without this an orphaned worker keeps polling nothing and holding its ports.
/// </summary>
/// <remarks>
/// The runtime finds a startup hook by this exact shape: a type named StartupHook outside any namespace
/// with a static Initialize method. It runs on the main thread before the worker's Main.
/// </remarks>
[SuppressMessage("Design", "CA1050:Declare types in namespaces", Justification = "The runtime finds a startup hook by its bare type name.")]
internal static class StartupHook
{
    /// <summary>Set by the local host to "stdin" when the worker's standard input is the watchdog pipe.</summary>
    public const string WatchdogVariable = "PETITIONS_LOCALHOST_WATCHDOG";

    private const string HooksVariable = "DOTNET_STARTUP_HOOKS";

    public static void Initialize()
    {
        // processes the app starts must not inherit the hook (nor the watchdog, whose pipe is not theirs)
        RemoveSelfFromStartupHooks();
        var mode = Environment.GetEnvironmentVariable(WatchdogVariable);
        Environment.SetEnvironmentVariable(WatchdogVariable, null);
        if (!string.Equals(mode, "stdin", StringComparison.Ordinal))
        {
            return;
        }

        new Thread(WatchHost) { IsBackground = true, Name = "Petitions local host watchdog" }.Start();
    }

    private static void WatchHost()
    {
        try
        {
            using var input = Console.OpenStandardInput();
            var buffer = new byte[64];
            while (input.Read(buffer, 0, buffer.Length) > 0)
            {
                // the host never writes: anything read is ignored
            }
        }
        catch (IOException)
        {
            // a broken pipe is the host gone too
        }

        // the host is gone; nobody reads the exit code
        Environment.Exit(0);
    }

    private static void RemoveSelfFromStartupHooks()
    {
        var hooks = Environment.GetEnvironmentVariable(HooksVariable);
        if (string.IsNullOrEmpty(hooks))
        {
            return;
        }

        var self = typeof(StartupHook).Assembly.Location;
        var others = hooks.Split(Path.PathSeparator).Where(h => h.Length > 0 && !string.Equals(Path.GetFullPath(h), self, StringComparison.Ordinal));
        var rest = string.Join(Path.PathSeparator, others);
        Environment.SetEnvironmentVariable(HooksVariable, rest.Length == 0 ? null : rest);
    }
}
