using System.Collections.Concurrent;
using System.Text.Json;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using Petitions.LocalHost.Rpc;

namespace Petitions.LocalHost;

/// <summary>
/// One gRPC event stream with one worker process: start-up handshake (init, metadata, loads),
/// then invocations and logs until the stream ends.
/// </summary>
internal sealed class WorkerSession(
    IAsyncStreamReader<StreamingMessage> input,
    IServerStreamWriter<StreamingMessage> output,
    WorkerSupervisor supervisor,
    ILogger logger) : IDisposable
{
    private static readonly TimeSpan HttpServerStartTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan HttpServerProbeInterval = TimeSpan.FromMilliseconds(20);
    private readonly SemaphoreSlim writeLock = new(1, 1);
    private readonly ConcurrentDictionary<string, TaskCompletionSource<InvocationResponse>> pending = new();

    public Uri? HttpUri { get; private set; }

    public void Dispose() => writeLock.Dispose();

    public IReadOnlyList<FunctionDescription> Functions { get; private set; } = [];

    public int InFlight => pending.Count;

    public async Task RunAsync(CancellationToken ct)
    {
        var start = await ReadAsync(StreamingMessage.ContentOneofCase.StartStream, ct).ConfigureAwait(false);
        logger.LogInformation("Worker {WorkerId} opened its stream", start.StartStream.WorkerId);

        var init = new WorkerInitRequest
        {
            HostVersion = "4.0.0-petitions-local",
            WorkerDirectory = supervisor.ScriptRoot,
            FunctionAppDirectory = supervisor.ScriptRoot,
        };
        await WriteAsync(new StreamingMessage { WorkerInitRequest = init }, ct).ConfigureAwait(false);
        var initResponse = (await ReadAsync(StreamingMessage.ContentOneofCase.WorkerInitResponse, ct).ConfigureAwait(false)).WorkerInitResponse;
        Ensure(initResponse.Result, "The worker refused initialisation");
        if (initResponse.Capabilities.TryGetValue("HttpUri", out var httpUri))
        {
            HttpUri = new Uri(httpUri);
        }

        await WriteAsync(new StreamingMessage { FunctionsMetadataRequest = new FunctionsMetadataRequest { FunctionAppDirectory = supervisor.ScriptRoot } }, ct).ConfigureAwait(false);
        var metadata = (await ReadAsync(StreamingMessage.ContentOneofCase.FunctionMetadataResponse, ct).ConfigureAwait(false)).FunctionMetadataResponse;
        var all = metadata.UseDefaultMetadataIndexing || metadata.FunctionMetadataResults.Count == 0
            ? FunctionsMetadataFile.Read(supervisor.ScriptRoot)
            : [.. metadata.FunctionMetadataResults];

        var described = new List<FunctionDescription>();
        foreach (var function in all)
        {
            if (string.IsNullOrEmpty(function.FunctionId))
            {
                function.FunctionId = Guid.NewGuid().ToString();
            }

            // bindings go to the worker with %Setting% resolved, as the platform does
            var resolved = function.RawBindings.Select(raw => supervisor.Settings.Resolve(raw, function.Name)).ToList();
            function.RawBindings.Clear();
            function.RawBindings.AddRange(resolved);
            var description = Describe(function);
            if (supervisor.Settings.IsDisabled(description.Name))
            {
                logger.LogInformation("Function {Function} is disabled by its setting", description.Name);
                continue;
            }

            await WriteAsync(new StreamingMessage { FunctionLoadRequest = new FunctionLoadRequest { FunctionId = function.FunctionId, Metadata = function } }, ct).ConfigureAwait(false);
            var load = (await ReadAsync(StreamingMessage.ContentOneofCase.FunctionLoadResponse, ct).ConfigureAwait(false)).FunctionLoadResponse;
            Ensure(load.Result, $"The worker could not load function '{description.Name}'");
            described.Add(description);
        }

        Functions = described;
        if (HttpUri is not null && described.Any(f => string.Equals(f.TriggerType, "httpTrigger", StringComparison.OrdinalIgnoreCase)))
        {
            await WaitForHttpServerAsync(HttpUri, ct).ConfigureAwait(false);
        }

        supervisor.OnSessionReady(this);

        while (await input.MoveNext(ct).ConfigureAwait(false))
        {
            Dispatch(input.Current);
        }

        foreach (var (_, waiter) in pending)
        {
            waiter.TrySetException(new IOException("The worker's stream ended during the invocation."));
        }
    }

    public async Task<InvocationResponse> InvokeAsync(InvocationRequest request, CancellationToken ct)
    {
        request.TraceContext ??= new RpcTraceContext();
        var waiter = new TaskCompletionSource<InvocationResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        pending[request.InvocationId] = waiter;
        try
        {
            await WriteAsync(new StreamingMessage { InvocationRequest = request }, ct).ConfigureAwait(false);
            return await waiter.Task.WaitAsync(ct).ConfigureAwait(false);
        }
        finally
        {
            pending.TryRemove(request.InvocationId, out _);
        }
    }

    /// <summary>Tells the worker to give up an invocation the host no longer waits for (its token is cancelled).</summary>
    public Task CancelAsync(string invocationId, CancellationToken ct) =>
        WriteAsync(new StreamingMessage { InvocationCancel = new InvocationCancel { InvocationId = invocationId } }, ct);

    public Task TerminateAsync(TimeSpan grace, CancellationToken ct) =>
        WriteAsync(new StreamingMessage { WorkerTerminate = new WorkerTerminate { GracePeriod = Google.Protobuf.WellKnownTypes.Duration.FromTimeSpan(grace) } }, ct);

    /// <summary>
    /// The worker advertises <c>HttpUri</c> in its init response before its web host listens: the
    /// worker's gRPC service starts before ASP.NET Core's (hosted services start in order), so on a
    /// busy machine the handshake can end while Kestrel is still starting. The session is ready only
    /// once that address accepts a connection; otherwise the first forwarded request is refused.
    /// </summary>
    private async Task WaitForHttpServerAsync(Uri uri, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(HttpServerStartTimeout);
        var endpoint = new System.Net.DnsEndPoint(uri.Host, uri.Port);
        while (true)
        {
            try
            {
                using var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
                await socket.ConnectAsync(endpoint, timeout.Token).ConfigureAwait(false);
                return;
            }
            catch (System.Net.Sockets.SocketException)
            {
                // not listening yet: the gRPC stream is open, so the worker is still starting
            }

            try
            {
                await Task.Delay(HttpServerProbeInterval, supervisor.Time, timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                throw new LocalHostStartupException($"The worker advertised its HTTP server at {uri} but it accepted no connection within {HttpServerStartTimeout.TotalSeconds:0} s.");
            }
        }
    }

    private FunctionDescription Describe(RpcFunctionMetadata function)
    {
        var triggers = function.RawBindings
            .Select(raw => JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(raw) ?? [])
            .Where(b => b.TryGetValue("type", out var t) && (t.GetString() ?? "").EndsWith("Trigger", StringComparison.OrdinalIgnoreCase))
            .ToList();
        if (triggers.Count != 1)
        {
            throw new LocalHostStartupException($"Function '{function.Name}' has {triggers.Count} triggers; the local host needs exactly one.");
        }

        var trigger = triggers[0];
        var type = trigger["type"].GetString()!;
        if (!FunctionDescription.SupportedTriggers.Contains(type))
        {
            throw new LocalHostStartupException($"Function '{function.Name}' uses the binding '{type}', which the local host does not support (it runs httpTrigger, queueTrigger and timerTrigger).");
        }

        foreach (var binding in function.Bindings.Where(b => !string.Equals(b.Value.Type, type, StringComparison.OrdinalIgnoreCase)))
        {
            if (!string.Equals(binding.Value.Type, "http", StringComparison.OrdinalIgnoreCase))
            {
                throw new LocalHostStartupException($"Function '{function.Name}' uses the binding '{binding.Value.Type}', which the local host does not support.");
            }
        }

        var properties = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in trigger)
        {
            var text = value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
            properties[key] = supervisor.Settings.Resolve(text, function.Name);
        }

        return new FunctionDescription(function.FunctionId, function.Name, type, trigger["name"].GetString() ?? "req", properties, function);
    }

    private void Dispatch(StreamingMessage message)
    {
        switch (message.ContentCase)
        {
            case StreamingMessage.ContentOneofCase.RpcLog:
                supervisor.WorkerLog(message.RpcLog);
                break;
            case StreamingMessage.ContentOneofCase.InvocationResponse:
                if (pending.TryGetValue(message.InvocationResponse.InvocationId, out var waiter))
                {
                    waiter.TrySetResult(message.InvocationResponse);
                }

                break;
            default:
                break; // empty or unknown messages are ignored, as the platform does
        }
    }

    private async Task<StreamingMessage> ReadAsync(StreamingMessage.ContentOneofCase expected, CancellationToken ct)
    {
        while (await input.MoveNext(ct).ConfigureAwait(false))
        {
            if (input.Current.ContentCase == expected)
            {
                return input.Current;
            }

            Dispatch(input.Current);
        }

        throw new IOException($"The worker closed its stream while the host waited for {expected}.");
    }

    private async Task WriteAsync(StreamingMessage message, CancellationToken ct)
    {
        await writeLock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            await output.WriteAsync(message, ct).ConfigureAwait(false);
        }
        finally
        {
            writeLock.Release();
        }
    }

    private static void Ensure(StatusResult? result, string what)
    {
        if (result is not null && result.Status != StatusResult.Types.Status.Success)
        {
            throw new LocalHostStartupException($"{what}: {result.Exception?.Message ?? result.Result}.");
        }
    }
}
