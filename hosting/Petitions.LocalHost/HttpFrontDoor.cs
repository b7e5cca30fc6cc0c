using System.Globalization;
using System.IO.Pipelines;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;
using Petitions.LocalHost.Rpc;

namespace Petitions.LocalHost;

/// <summary>
/// The host's HTTP listener: matches a route, forwards the request to the worker's HTTP server with
/// <c>x-ms-invocation-id</c> while the invocation goes over gRPC, and returns the worker's response
/// (a failed invocation becomes 500 problem+json; no route, 404 problem+json).
/// </summary>
internal sealed class HttpFrontDoor(WorkerSupervisor supervisor, HttpClient client, string routePrefix, ILogger logger)
{
    private static readonly HashSet<string> HopHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Expect", "Transfer-Encoding", "Upgrade", "Proxy-Connection", "TE", "Trailer", "Host",
    };

    private (WorkerSession Session, List<HttpRoute> Routes)? table;

    public async Task HandleAsync(HttpContext context)
    {
        var session = await supervisor.Ready.WaitAsync(TimeSpan.FromSeconds(60), context.RequestAborted).ConfigureAwait(false);
        var routes = RoutesOf(session);
        var match = routes.Select(r => (Route: r, Ok: r.TryMatch(context.Request, out var v), Values: v)).FirstOrDefault(x => x.Ok);
        if (match.Route is null)
        {
            await ProblemAsync(context, StatusCodes.Status404NotFound, "No function has this route.").ConfigureAwait(false);
            return;
        }

        var invocationId = Guid.NewGuid().ToString();
        var request = new InvocationRequest { InvocationId = invocationId, FunctionId = match.Route.Function.Id, TraceContext = new RpcTraceContext() };
        request.InputData.Add(new ParameterBinding { Name = match.Route.Function.TriggerBindingName, Data = new TypedData { Http = new RpcHttp() } });
        foreach (var (key, value) in match.Values)
        {
            request.TriggerMetadata[key] = new TypedData { String = Convert.ToString(value, CultureInfo.InvariantCulture) ?? "" };
        }

        // the body is read in full before the invocation starts: the worker waits only 15 s for the
        // forwarded request once it has the invocation, and a slow upload must not eat that time
        using var forward = await BuildForwardAsync(context, session.HttpUri!, invocationId).ConfigureAwait(false);
        var invocation = session.InvokeAsync(request, context.RequestAborted);
        using var response = await client.SendAsync(forward, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted).ConfigureAwait(false);

        // the worker answers the invocation only once its response body is written: keep reading the
        // body (into an unbounded pipe) while waiting, or a large body deadlocks both sides
        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: 0));
        var pump = PumpAsync(response, pipe.Writer, context.RequestAborted);
        var result = await invocation.ConfigureAwait(false);
        if (result.Result?.Status != StatusResult.Types.Status.Success)
        {
            logger.LogWarning("Function {Function} failed: {Error}", match.Route.Function.Name, result.Result?.Exception?.Message);
            await ProblemAsync(context, StatusCodes.Status500InternalServerError, $"The function '{match.Route.Function.Name}' failed.").ConfigureAwait(false);
            return;
        }

        context.Response.StatusCode = (int)response.StatusCode;
        foreach (var header in response.Headers.Concat(response.Content.Headers))
        {
            if (!HopHeaders.Contains(header.Key))
            {
                context.Response.Headers[header.Key] = header.Value.ToArray();
            }
        }

        await pipe.Reader.CopyToAsync(context.Response.Body, context.RequestAborted).ConfigureAwait(false);
        await pump.ConfigureAwait(false);
    }

    private static async Task PumpAsync(HttpResponseMessage response, PipeWriter writer, CancellationToken ct)
    {
        try
        {
            using var body = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
            await body.CopyToAsync(writer, ct).ConfigureAwait(false);
            await writer.CompleteAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or HttpRequestException or ObjectDisposedException)
        {
            await writer.CompleteAsync(e).ConfigureAwait(false);
        }
    }

    private List<HttpRoute> RoutesOf(WorkerSession session)
    {
        if (table is { } t && ReferenceEquals(t.Session, session))
        {
            return t.Routes;
        }

        var routes = session.Functions
            .Where(f => string.Equals(f.TriggerType, "httpTrigger", StringComparison.OrdinalIgnoreCase))
            .Select(f => new HttpRoute(f, routePrefix))
            .OrderByDescending(r => r.Literal)
            .ToList();
        table = (session, routes);
        return routes;
    }

    private static async Task<HttpRequestMessage> BuildForwardAsync(HttpContext context, Uri workerUri, string invocationId)
    {
        var target = new Uri(workerUri, context.Request.Path.Value + context.Request.QueryString.Value);
        var message = new HttpRequestMessage(new HttpMethod(context.Request.Method), target);
        if (context.Request.ContentLength > 0 || context.Request.Headers.TransferEncoding.Count > 0)
        {
            var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body, context.RequestAborted).ConfigureAwait(false);
            body.Position = 0;
            message.Content = new StreamContent(body);
        }

        foreach (var header in context.Request.Headers)
        {
            if (HopHeaders.Contains(header.Key))
            {
                continue;
            }

            if (!message.Headers.TryAddWithoutValidation(header.Key, header.Value.ToArray()))
            {
                message.Content?.Headers.TryAddWithoutValidation(header.Key, header.Value.ToArray());
            }
        }

        message.Headers.Add("x-ms-invocation-id", invocationId);
        return message;
    }

    private static Task ProblemAsync(HttpContext context, int status, string detail)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/problem+json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new { type = "about:blank", title = ReasonPhrases.GetReasonPhrase(status), status, detail }));
    }
}
