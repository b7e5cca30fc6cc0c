using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Petitions.LocalHost.TestWorker;

/// <summary>HTTP functions that echo what they received, answer a chosen status, fail, wait for a signal, or crash the process.</summary>
public sealed class EchoFunctions
{
    [Function("Echo")]
    public static async Task<IActionResult> Echo([HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "echo/{*rest}")] HttpRequest request, string? rest)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body);
        request.HttpContext.Response.Headers["x-echo-header"] = request.Headers["x-test"].ToString();
        request.HttpContext.Response.Cookies.Append("echoed", request.Cookies["sent"] ?? "");
        request.HttpContext.Response.Headers["x-echo-query"] = request.Query["q"].ToString();
        request.HttpContext.Response.Headers["x-echo-rest"] = rest ?? "";
        return new FileContentResult(body.ToArray(), "application/octet-stream");
    }

    [Function("Status")]
    public static IActionResult Status([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "status/{code:int}")] HttpRequest request, int code) =>
        new ContentResult { StatusCode = code, Content = $"status {code}" };

    [Function("Fail")]
    public static IActionResult Fail([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "fail")] HttpRequest request) =>
        throw new InvalidOperationException("Failing as asked.");

    [Function("Crash")]
    public static IActionResult Crash([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "crash")] HttpRequest request)
    {
        Environment.Exit(3);
        return new OkResult();
    }

    [Function("Hold")]
    public static async Task<IActionResult> Hold([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "hold/{signal}")] HttpRequest request, string signal)
    {
        await Signal.WaitAsync(signal);
        return new ContentResult { StatusCode = 200, Content = $"released {signal}" };
    }

    [Function("Slow")]
    public static async Task<IActionResult> Slow([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "slow/{ms:int}")] HttpRequest request, int ms)
    {
        await Task.Delay(ms);
        return new ContentResult { StatusCode = 200, Content = "finished" };
    }
}
