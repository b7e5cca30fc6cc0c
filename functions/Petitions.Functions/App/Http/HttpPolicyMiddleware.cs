using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Petitions.Core.UseCases.Staff;
using Petitions.Functions.App.Security;

namespace Petitions.Functions.App.Http;

/// <summary>
/// The one place where every HTTP invocation is checked, before the function runs:
/// <list type="bullet">
/// <item>security headers on every response (Content-Security-Policy, nosniff, no-referrer);</item>
/// <item>the function's <see cref="FunctionAccessAttribute"/>: none → 500 (default deny); Development outside
/// Development → 404; Staff and Development → the CSRF double submit on every state-changing method (403
/// <c>csrf.invalid</c>); Staff → the signed-in member (401), put where <see cref="StaffRequest.Staff"/> finds it;</item>
/// <item>functions that need the case tables wait for start-up (503 with Retry-After after a while);</item>
/// <item>the readable <c>petitions_csrf</c> cookie on pages and <c>GET /api/staff/me</c>;</item>
/// <item>exceptions become problem+json: bad input 400, anything else 500 without internals.</item>
/// </list>
/// Queue and timer invocations pass straight through.
/// </summary>
internal sealed partial class HttpPolicyMiddleware(
    StaffAuthenticator staff, AppStartup startup, IHostEnvironment environment, ILogger<HttpPolicyMiddleware> logger) : IFunctionsWorkerMiddleware
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'none'";

    public const string CsrfCookie = "petitions_csrf";
    public const string CsrfHeader = "X-CSRF-Token";

    /// <summary>How long a request waits for the start-up work before 503.</summary>
    public static readonly TimeSpan StoragePatience = TimeSpan.FromSeconds(20);

    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.GetHttpContext();
        if (http is null)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";

        var refusal = await RefusalAsync(context, http).ConfigureAwait(false);
        if (refusal is not null)
        {
            context.GetInvocationResult().Value = refusal;
            return;
        }

        IssueCsrfCookie(http);
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (Exception e) when (!http.Response.HasStarted && e is not OperationCanceledException)
        {
            context.GetInvocationResult().Value = ProblemFor(context.FunctionDefinition.Name, e);
        }
    }

    private async Task<IResult?> RefusalAsync(FunctionContext context, HttpContext http)
    {
        var access = FunctionAccessAttribute.Of(context.FunctionDefinition.EntryPoint);
        if (access is null)
        {
            LogNoAccess(logger, context.FunctionDefinition.Name);
            return UseCaseResults.Problem(500, "access.undeclared", "This function declares no audience.");
        }

        if (access.Audience == Audience.Development && !environment.IsDevelopment())
        {
            return UseCaseResults.Problem(404, "notFound", "Not found.");
        }

        if (access.Audience is Audience.Staff or Audience.Development && ChangesState(http.Request.Method) && !CsrfMatches(http.Request))
        {
            return UseCaseResults.Problem(403, "csrf.invalid", "Send the X-CSRF-Token header with the value of the petitions_csrf cookie.");
        }

        if (access.NeedsStorage && !startup.Ready.IsCompletedSuccessfully)
        {
            try
            {
                await startup.Ready.WaitAsync(StoragePatience, http.RequestAborted).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                http.Response.Headers.RetryAfter = "5";
                return UseCaseResults.Problem(503, "starting", "Storage is not ready yet; try again in a few seconds.");
            }
        }

        if (access.Audience == Audience.Staff)
        {
            http.Response.Headers.CacheControl = "no-store";
            if (access.RequiresSignIn)
            {
                var (who, failure) = staff.Authenticate(http);
                if (who is null)
                {
                    return failure;
                }

                http.Items[StaffRequest.PrincipalKey] = who;
            }
        }

        return null;
    }

    private IResult ProblemFor(string function, Exception e)
    {
        switch (e)
        {
            case BadHttpRequestException bad:
                return UseCaseResults.Problem(bad.StatusCode, "request.invalid", bad.Message);
            case JsonException or FormatException or ArgumentException:
                return UseCaseResults.Problem(400, "request.invalid", "The request could not be read: " + e.Message);
            default:
                LogFailed(logger, function, e);
                return UseCaseResults.Problem(500, "unexpected", "An unexpected error occurred.");
        }
    }

    private static bool ChangesState(string method) =>
        !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method));

    private static void IssueCsrfCookie(HttpContext http)
    {
        var path = http.Request.Path.Value ?? "/";
        var issues = path.Equals("/api/staff/me", StringComparison.OrdinalIgnoreCase) ||
                     (!path.StartsWith("/api/", StringComparison.OrdinalIgnoreCase) && !path.StartsWith("/dev/", StringComparison.OrdinalIgnoreCase) &&
                      (path == "/" || path.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || path.EndsWith('/')));
        if (HttpMethods.IsGet(http.Request.Method) && issues && !http.Request.Cookies.ContainsKey(CsrfCookie))
        {
            http.Response.Cookies.Append(CsrfCookie, WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32)), new CookieOptions
            {
                HttpOnly = false,
                SameSite = SameSiteMode.Strict,
                Secure = http.Request.IsHttps,
                Path = "/",
            });
        }
    }

    private static bool CsrfMatches(HttpRequest request)
    {
        var cookie = request.Cookies[CsrfCookie];
        var header = request.Headers[CsrfHeader].ToString();
        return !string.IsNullOrEmpty(cookie) && !string.IsNullOrEmpty(header) &&
               CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(cookie), Encoding.UTF8.GetBytes(header));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "HTTP function {Function} declares no audience ([FunctionAccess]); refused")]
    private static partial void LogNoAccess(ILogger logger, string function);

    [LoggerMessage(Level = LogLevel.Error, Message = "HTTP function {Function} failed")]
    private static partial void LogFailed(ILogger logger, string function, Exception exception);
}

/// <summary>What the policy middleware hands to a staff function.</summary>
internal static class StaffRequest
{
    internal const string PrincipalKey = "petitions.staff";

    /// <summary>The signed-in member of staff; only on functions with <c>[FunctionAccess(Audience.Staff)]</c>.</summary>
    public static StaffPrincipal Staff(this HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.HttpContext.Items[PrincipalKey] as StaffPrincipal
            ?? throw new InvalidOperationException("No staff principal: the function is not declared [FunctionAccess(Audience.Staff)].");
    }
}
