using System.Diagnostics;
using Petitions.LocalHost;
using Petitions.LocalHost.Rpc;

namespace Petitions.LocalHost.Bench;

/// <summary>
/// The same function two ways, interleaved so both see the same machine: through the host's HTTP
/// listener, and "direct": the worker's HTTP server called with <c>x-ms-invocation-id</c> while the
/// invocation goes over gRPC (the worker serves no request without its invocation, so this is the
/// floor any host pays). The difference is the front door: one more HTTP hop, routing, buffering.
/// </summary>
internal static class Latency
{
    public const int WarmUp = 200;

    public static async Task<(Stats Direct, Stats Host)> MeasureAsync(LocalFunctionsHost host, int requests)
    {
        var session = await host.Supervisor.Ready.ConfigureAwait(false);
        var function = session.Functions.Single(f => f.Name == "Status");
        using var viaHost = new HttpClient { BaseAddress = host.BaseAddress };
        using var direct = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = session.HttpUri };
        var hostTimes = new List<double>(requests);
        var directTimes = new List<double>(requests);
        for (var i = 0; i < WarmUp + requests; i++)
        {
            var d = await TimeAsync(() => DirectAsync(session, function, direct)).ConfigureAwait(false);
            var h = await TimeAsync(() => HostAsync(viaHost)).ConfigureAwait(false);
            if (i >= WarmUp)
            {
                directTimes.Add(d);
                hostTimes.Add(h);
            }
        }

        return (Stats.Of(directTimes), Stats.Of(hostTimes));
    }

    private static async Task<double> TimeAsync(Func<Task> call)
    {
        var started = Stopwatch.GetTimestamp();
        await call().ConfigureAwait(false);
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    private static async Task HostAsync(HttpClient client)
    {
        using var response = await client.GetAsync("status/200").ConfigureAwait(false);
        await Check(response).ConfigureAwait(false);
    }

    private static async Task DirectAsync(WorkerSession session, FunctionDescription function, HttpClient client)
    {
        var id = Guid.NewGuid().ToString();
        var request = new InvocationRequest { InvocationId = id, FunctionId = function.Id, TraceContext = new RpcTraceContext() };
        request.InputData.Add(new ParameterBinding { Name = function.TriggerBindingName, Data = new TypedData { Http = new RpcHttp() } });
        request.TriggerMetadata["code"] = new TypedData { String = "200" };
        using var message = new HttpRequestMessage(HttpMethod.Get, "status/200");
        message.Headers.Add("x-ms-invocation-id", id);
        var invocation = session.InvokeAsync(request, CancellationToken.None);
        using var response = await client.SendAsync(message).ConfigureAwait(false);
        await Check(response).ConfigureAwait(false);
        var result = await invocation.ConfigureAwait(false);
        if (result.Result?.Status != StatusResult.Types.Status.Success)
        {
            throw new InvalidOperationException("The direct invocation failed.");
        }
    }

    private static async Task Check(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        if (!response.IsSuccessStatusCode || body != "status 200")
        {
            throw new InvalidOperationException($"Unexpected answer {(int)response.StatusCode}: {body}");
        }
    }
}
