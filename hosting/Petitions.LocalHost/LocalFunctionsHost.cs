using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Petitions.LocalHost;

/// <summary>A running local Functions host: the worker process, its gRPC channel and the HTTP listener.</summary>
public sealed class LocalFunctionsHost : IAsyncDisposable
{
    private readonly WebApplication grpc;
    private readonly WebApplication http;
    private readonly WorkerSupervisor supervisor;
    private readonly HttpClient client;
    private TriggerListeners? triggers;
    private bool stopped;

    private LocalFunctionsHost(WebApplication grpc, WebApplication http, WorkerSupervisor supervisor, HttpClient client, Uri baseAddress)
    {
        this.grpc = grpc;
        this.http = http;
        this.supervisor = supervisor;
        this.client = client;
        BaseAddress = baseAddress;
    }

    /// <summary>Where the HTTP functions answer.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The worker's log lines (RpcLog) and the host's, captured for tests.</summary>
    public IReadOnlyCollection<CapturedLog> Logs => supervisor.Logs;

    /// <summary>How many times the worker was restarted after dying.</summary>
    public int WorkerRestarts => supervisor.Restarts;

    /// <summary>Invocations sent to the current worker and not yet answered.</summary>
    public int InFlightInvocations => supervisor.Ready.IsCompletedSuccessfully ? supervisor.Ready.Result.InFlight : 0;

    /// <summary>The worker supervisor, for the benchmark's direct calls to the worker (bench/Petitions.LocalHost.Bench).</summary>
    internal WorkerSupervisor Supervisor => supervisor;

    /// <summary>The current worker process id.</summary>
    public int? WorkerProcessId => supervisor.ProcessId;

    /// <summary>Starts the host and waits until the worker has loaded its functions.</summary>
    public static async Task<LocalFunctionsHost> StartAsync(LocalHostOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        var loggers = options.LoggerFactory ?? NullLoggerFactory.Instance;
        var time = TimeProvider.System; // composition root: the only place naming the system clock
        var scriptRoot = Path.GetFullPath(options.ScriptRoot);
        var settings = HostSettings.Load(options.SettingsFile ?? Path.Combine(scriptRoot, "local.settings.json"), options.Settings);
        var hostJson = HostJson.Read(scriptRoot);
        var supervisor = new WorkerSupervisor(scriptRoot, settings, loggers, time);

        var grpcBuilder = WebApplication.CreateSlimBuilder();
        grpcBuilder.Logging.ClearProviders();
        grpcBuilder.Services.AddSingleton<IHostLifetime, EmbeddedLifetime>();
        grpcBuilder.Services.AddSingleton(loggers);
        grpcBuilder.Services.AddSingleton(supervisor);
        grpcBuilder.Services.AddGrpc(o => { o.MaxReceiveMessageSize = null; o.MaxSendMessageSize = null; });
        grpcBuilder.WebHost.ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http2));
        var grpc = grpcBuilder.Build();
        grpc.MapGrpcService<FunctionRpcService>();
        await grpc.StartAsync(ct).ConfigureAwait(false);
        supervisor.GrpcUri = new Uri(grpc.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().Replace("[::1]", "127.0.0.1", StringComparison.Ordinal) + "/");

        var client = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false, AutomaticDecompression = System.Net.DecompressionMethods.None }) { Timeout = Timeout.InfiniteTimeSpan };
        var front = new HttpFrontDoor(supervisor, client, hostJson.RoutePrefix, loggers.CreateLogger("Host.Http"));
        var httpBuilder = WebApplication.CreateSlimBuilder();
        httpBuilder.Logging.ClearProviders();
        httpBuilder.Services.AddSingleton<IHostLifetime, EmbeddedLifetime>();
        httpBuilder.WebHost.UseUrls(options.Urls);
        httpBuilder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = null);
        var http = httpBuilder.Build();
        http.Run(front.HandleAsync);

        var host = new LocalFunctionsHost(grpc, http, supervisor, client, new Uri("http://localhost/"));
        try
        {
            supervisor.Start();
            var session = await supervisor.Ready.WaitAsync(TimeSpan.FromSeconds(60), ct).ConfigureAwait(false);
            _ = front.RoutesOf(session);
            host.triggers = await TriggerListeners.CreateAsync(session.Functions, supervisor, hostJson, loggers, options.TimeProvider ?? time, ct).ConfigureAwait(false);
            await http.StartAsync(ct).ConfigureAwait(false);
            host.triggers.Start();
        }
        catch
        {
            await host.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var address = http.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new LocalFunctionsHost(grpc, http, supervisor, client, new Uri(address.Replace("[::]", "localhost", StringComparison.Ordinal) + "/")) { triggers = host.triggers };
    }

    /// <summary>Graceful stop: no new requests, in-flight invocations finish, then WorkerTerminate.</summary>
    public async Task StopAsync(CancellationToken ct)
    {
        if (stopped)
        {
            return;
        }

        stopped = true;
        supervisor.BeginStop(); // from here a worker exit is no crash: it is not restarted
        if (triggers is not null)
        {
            await triggers.StopAsync().WaitAsync(ct).ConfigureAwait(false);
        }

        // order matters: no new work, HTTP requests drained, then the worker is told to go
        await http.StopAsync(ct).ConfigureAwait(false);
        await supervisor.StopAsync(TimeSpan.FromSeconds(30), ct).ConfigureAwait(false);
        await grpc.StopAsync(ct).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None).ConfigureAwait(false);
        await supervisor.DisposeAsync().ConfigureAwait(false);
        await http.DisposeAsync().ConfigureAwait(false);
        await grpc.DisposeAsync().ConfigureAwait(false);
        client.Dispose();
        triggers?.Dispose();
    }
}
