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

    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);

    private (WorkerSession Session, List<HttpRoute> Routes)? table;

    public async Task HandleAsync(HttpContext context)
    {
        try
        {
            await ForwardAsync(context).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // the caller went away: nobody to answer
        }
        catch (Exception e)
        {
            // last line: nothing escapes as Kestrel's bare 500 (path only: a query string may hold personal data)
            logger.LogError(e, "The local host failed on {Method} {Path}", context.Request.Method, context.Request.Path.Value);
            if (context.Response.HasStarted)
            {
                context.Abort();
                return;
            }

            context.Response.Clear();
            await ProblemAsync(context, StatusCodes.Status502BadGateway, "The local host could not complete the request with the worker.").ConfigureAwait(false);
        }
    }

    private async Task ForwardAsync(HttpContext context)
    {
        WorkerSession session;
        try
        {
            session = await supervisor.Ready.WaitAsync(ReadyTimeout, context.RequestAborted).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            logger.LogWarning("No worker ready within {Seconds} s for {Method} {Path}", ReadyTimeout.TotalSeconds, context.Request.Method, context.Request.Path.Value);
            await ProblemAsync(context, StatusCodes.Status503ServiceUnavailable, "The worker is not ready.").ConfigureAwait(false);
            return;
        }

        var routes = RoutesOf(session);
        var match = routes.Select(r => (Route: r, Ok: r.TryMatch(context.Request, out var v), Values: v)).FirstOrDefault(x => x.Ok);
        if (match.Route is null)
        {
            await ProblemAsync(context, StatusCodes.Status404NotFound, "No function has this route.").ConfigureAwait(false);
            return;
        }

        var function = match.Route.Function;
        var invocationId = Guid.NewGuid().ToString();
        var request = new InvocationRequest { InvocationId = invocationId, FunctionId = function.Id, TraceContext = new RpcTraceContext() };
        request.InputData.Add(new ParameterBinding { Name = function.TriggerBindingName, Data = new TypedData { Http = new RpcHttp() } });
        foreach (var (key, value) in match.Values)
        {
            request.TriggerMetadata[key] = new TypedData { String = Convert.ToString(value, CultureInfo.InvariantCulture) ?? "" };
        }

        // the body is read in full before the invocation starts: the worker waits only 15 s for the
        // forwarded request once it has the invocation, and a slow upload must not eat that time
        using var forward = await BuildForwardAsync(context, session.HttpUri!, invocationId).ConfigureAwait(false);
        using var forwarding = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        var invocation = session.InvokeAsync(request, context.RequestAborted);
        var sending = client.SendAsync(forward, HttpCompletionOption.ResponseHeadersRead, forwarding.Token);

        // either side may finish first: a failed invocation is answered at once, without waiting for
        // the worker's HTTP side (which may never answer); a failed forward cancels the invocation
        if (await Task.WhenAny(invocation, sending).ConfigureAwait(false) == invocation && !Succeeded(invocation))
        {
            await forwarding.CancelAsync().ConfigureAwait(false);
            await ObserveAsync(sending).ConfigureAwait(false);
            if (sending.IsCompletedSuccessfully)
            {
                sending.Result.Dispose();
            }

            await InvocationFailedAsync(context, function, invocation).ConfigureAwait(false);
            return;
        }

        HttpResponseMessage response;
        try
        {
            response = await sending.ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            await CancelInvocationAsync(session, invocationId, invocation).ConfigureAwait(false);
            var refused = e.InnerException is System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.ConnectionRefused };
            logger.LogWarning("The worker's HTTP server {Failure} for function {Function}: {Error}", refused ? "refused the connection" : "failed the request", function.Name, e.Message);
            await ProblemAsync(
                context,
                refused ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status502BadGateway,
                refused ? "The worker is not accepting requests." : "The worker did not answer the request.").ConfigureAwait(false);
            return;
        }

        using (response)
        {
            // the worker answers the invocation only once its response body is written: keep reading the
            // body (into an unbounded pipe) while waiting, or a large body deadlocks both sides
            var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: 0));
            var pump = PumpAsync(response, pipe.Writer, context.RequestAborted);
            await ObserveAsync(invocation).ConfigureAwait(false);
            if (!Succeeded(invocation))
            {
                response.Dispose();
                await pump.ConfigureAwait(false);
                await InvocationFailedAsync(context, function, invocation).ConfigureAwait(false);
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
    }

    private static bool Succeeded(Task<InvocationResponse> invocation) =>
        invocation.IsCompletedSuccessfully && invocation.Result.Result?.Status == StatusResult.Types.Status.Success;

    private static async Task ObserveAsync(Task task)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or HttpRequestException or InvalidOperationException)
        {
            // the outcome is read from the task itself
        }
    }

    private async Task CancelInvocationAsync(WorkerSession session, string invocationId, Task<InvocationResponse> invocation)
    {
        if (invocation.IsCompleted)
        {
            return;
        }

        try
        {
            // without the forwarded request the worker would hold the invocation 15 s before failing it
            await session.CancelAsync(invocationId, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or OperationCanceledException)
        {
            logger.LogDebug("Could not cancel invocation {InvocationId}: {Error}", invocationId, e.Message);
        }
    }

    private Task InvocationFailedAsync(HttpContext context, FunctionDescription function, Task<InvocationResponse> invocation)
    {
        // the worker logs the exception itself (RpcLog); its message may quote user input, so not here
        logger.LogWarning("Function {Function} failed (invocation {InvocationId})", function.Name, invocation.IsCompletedSuccessfully ? invocation.Result.InvocationId : "-");
        return invocation.IsCompletedSuccessfully
            ? ProblemAsync(context, StatusCodes.Status500InternalServerError, $"The function '{function.Name}' failed.")
            : ProblemAsync(context, StatusCodes.Status502BadGateway, $"The worker stopped during the function '{function.Name}'.");
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

    /// <summary>The route table of a session, built once (at start-up, so a bad template stops the host with a sentence).</summary>
    public List<HttpRoute> RoutesOf(WorkerSession session)
    {
        if (table is { } t && ReferenceEquals(t.Session, session))
        {
            return t.Routes;
        }

        var routes = HttpRoute.InMatchOrder(session.Functions
            .Where(f => string.Equals(f.TriggerType, "httpTrigger", StringComparison.OrdinalIgnoreCase))
            .Select(f => new HttpRoute(f, routePrefix)));
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
