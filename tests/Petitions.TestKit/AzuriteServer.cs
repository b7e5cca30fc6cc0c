using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Petitions.TestKit;

/// <summary>
/// A private Azurite (the official storage emulator) for one test process: installed from the
/// pinned <c>tools/package-lock.json</c> when missing, started on free ports with its own
/// data folder, awaited until every service answers, and stopped when the process ends.
/// Nothing assumes an emulator is already running. Tests isolate themselves by using unique
/// table and queue names (<see cref="UniqueName"/>).
/// </summary>
public sealed class AzuriteServer : IDisposable
{
    /// <summary>The well-known development account key (public; documented by Microsoft).</summary>
    public const string AccountName = "devstoreaccount1";

    public const string AccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly Lazy<AzuriteServer> LazyShared = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);
    private static int _nameCounter;

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly string _dataFolder;

    private AzuriteServer(Process process, string dataFolder, int blobPort, int queuePort, int tablePort)
    {
        _process = process;
        _dataFolder = dataFolder;
        BlobPort = blobPort;
        QueuePort = queuePort;
        TablePort = tablePort;
    }

    /// <summary>The one emulator of this test process, started on first use.</summary>
    public static AzuriteServer Shared => LazyShared.Value;

    /// <summary>
    /// A private emulator for a test that runs the whole app: its queue listeners use the product's fixed
    /// queue names, so two apps on one emulator would take each other's messages. Dispose it after the app.
    /// </summary>
    public static AzuriteServer StartPrivate() => Start();

    public int BlobPort { get; }

    public int QueuePort { get; }

    public int TablePort { get; }

    public Uri BlobEndpoint => new($"http://127.0.0.1:{BlobPort}/{AccountName}");

    public Uri QueueEndpoint => new($"http://127.0.0.1:{QueuePort}/{AccountName}");

    public Uri TableEndpoint => new($"http://127.0.0.1:{TablePort}/{AccountName}");

    /// <summary>An account-key connection string with explicit (path-style) endpoints.</summary>
    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
        $"BlobEndpoint={BlobEndpoint};QueueEndpoint={QueueEndpoint};TableEndpoint={TableEndpoint};";

    /// <summary>A name unique in this process, valid for both tables (alphanumeric) and queues (lower case).</summary>
    public static string UniqueName(string prefix = "t")
    {
        var n = Interlocked.Increment(ref _nameCounter);
        return $"{prefix}{Environment.ProcessId:x}{n:x}{Random.Shared.Next(0x1000, 0xFFFF):x}".ToLowerInvariant();
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.Dispose();
        TryDelete(_dataFolder);
    }

    private static AzuriteServer Start()
    {
        var entry = EnsureInstalled();
        var dataFolder = Path.Combine(Path.GetTempPath(), "petitions-azurite-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataFolder);

        for (var attempt = 1; ; attempt++)
        {
            var (blob, queue, table) = (FreePort(), FreePort(), FreePort());
            var psi = new ProcessStartInfo("node")
            {
                WorkingDirectory = dataFolder,
                Environment = { ["PETITIONS_PARENT_PID"] = Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var arg in new[]
                     {
                         "--require", Path.Combine(RepositoryPaths.Root, "tools", "exit-with-parent.cjs"),
                         entry, "--silent", "--skipApiVersionCheck",
                         "--location", dataFolder,
                         "--blobHost", "127.0.0.1", "--blobPort", blob.ToString(System.Globalization.CultureInfo.InvariantCulture),
                         "--queueHost", "127.0.0.1", "--queuePort", queue.ToString(System.Globalization.CultureInfo.InvariantCulture),
                         "--tableHost", "127.0.0.1", "--tablePort", table.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     })
            {
                psi.ArgumentList.Add(arg);
            }

            var process = Process.Start(psi) ?? throw new InvalidOperationException("Could not start node for Azurite.");
            var server = new AzuriteServer(process, dataFolder, blob, queue, table);
            process.OutputDataReceived += (_, e) => server.Capture(e.Data);
            process.ErrorDataReceived += (_, e) => server.Capture(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();

            if (server.WaitUntilListening(TimeSpan.FromSeconds(60)))
            {
                AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Dispose();
                return server;
            }

            var output = server.CapturedOutput;
            server.Dispose();
            if (attempt >= 3)
            {
                throw new InvalidOperationException($"Azurite did not start after {attempt} attempts. Its output:\n{output}");
            }

            Directory.CreateDirectory(dataFolder);
        }
    }

    private string CapturedOutput
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    private void Capture(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private bool WaitUntilListening(TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                return false;
            }

            // A port that answers is not enough: a free port can be taken by another emulator between our probe and
            // Azurite's start, and then the answer comes from that one while ours has failed. Only our process says
            // that it listens, once per service.
            if (ListeningLines() >= 3 && Answers(BlobPort) && Answers(QueuePort) && Answers(TablePort))
            {
                return !_process.HasExited;
            }

            // Polling a condition (a port accepting connections) with a deadline, not waiting a fixed time for work.
            Thread.Sleep(100);
        }

        return false;
    }

    private int ListeningLines()
    {
        lock (_output)
        {
            var text = _output.ToString();
            var count = 0;
            for (var at = text.IndexOf("successfully listening at", StringComparison.Ordinal); at >= 0;
                 at = text.IndexOf("successfully listening at", at + 1, StringComparison.Ordinal))
            {
                count++;
            }

            return count;
        }
    }

    private static bool Answers(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Installs the pinned Azurite with <c>npm ci</c> when it is missing; one process at a time.</summary>
    private static string EnsureInstalled()
    {
        var tools = Path.Combine(RepositoryPaths.Root, "tools");
        var entry = Path.Combine(tools, "node_modules", "azurite", "dist", "src", "azurite.js");
        if (File.Exists(entry))
        {
            return entry;
        }

        using (AcquireInstallLock(tools))
        {
            if (File.Exists(entry))
            {
                return entry;
            }

            var psi = new ProcessStartInfo("npm")
            {
                WorkingDirectory = tools,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var arg in new[] { "ci", "--no-audit", "--no-fund" })
            {
                psi.ArgumentList.Add(arg);
            }

            using var npm = Process.Start(psi) ?? throw new InvalidOperationException("Could not start npm.");
            var stdout = npm.StandardOutput.ReadToEndAsync();
            var stderr = npm.StandardError.ReadToEndAsync();
            if (!npm.WaitForExit(TimeSpan.FromMinutes(5)) || npm.ExitCode != 0)
            {
                throw new InvalidOperationException(
                    $"'npm ci' in {tools} failed; Azurite could not be installed.\n{stdout.Result}\n{stderr.Result}");
            }
        }

        return File.Exists(entry)
            ? entry
            : throw new InvalidOperationException($"npm ci succeeded but {entry} is missing.");
    }

    /// <summary>A file lock so that test projects running in parallel do not run npm ci together.</summary>
    private static FileStream AcquireInstallLock(string tools)
    {
        var path = Path.Combine(tools, ".install.lock");
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException) when (waited.Elapsed < TimeSpan.FromMinutes(6))
            {
                // Polling a lock held by another test process, not waiting for work.
                Thread.Sleep(200);
            }
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
