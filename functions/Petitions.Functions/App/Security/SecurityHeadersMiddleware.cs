using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace Petitions.Functions.App.Security;

/// <summary>
/// On every response: the Content-Security-Policy, <c>X-Content-Type-Options: nosniff</c> and
/// <c>Referrer-Policy: no-referrer</c>. CSRF double submit: pages and <c>GET /api/staff/me</c> set the readable
/// <c>petitions_csrf</c> cookie when it is missing; every <c>POST</c> under <c>api/staff/</c> or <c>dev/</c> must carry
/// <c>X-CSRF-Token</c> equal to it, else 403 (code <c>csrf.invalid</c>).
/// </summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'none'";

    public const string CsrfCookie = "petitions_csrf";
    public const string CsrfHeader = "X-CSRF-Token";

    public async Task InvokeAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";

        var path = http.Request.Path.Value ?? "/";
        if (HttpMethods.IsPost(http.Request.Method) && NeedsCsrf(path) && !CsrfMatches(http.Request))
        {
            await UseCaseResults.Problem(403, "csrf.invalid", "Send the X-CSRF-Token header with the value of the petitions_csrf cookie.")
                .ExecuteAsync(http).ConfigureAwait(false);
            return;
        }

        if (HttpMethods.IsGet(http.Request.Method) && IssuesCsrf(path) && !http.Request.Cookies.ContainsKey(CsrfCookie))
        {
            http.Response.Cookies.Append(CsrfCookie, WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32)), new CookieOptions
            {
                HttpOnly = false,
                SameSite = SameSiteMode.Strict,
                Secure = http.Request.IsHttps,
                Path = "/",
            });
        }

        await next(http).ConfigureAwait(false);
    }

    private static bool NeedsCsrf(string path) =>
        path.StartsWith("/api/staff/", StringComparison.OrdinalIgnoreCase) || path.StartsWith("/dev/", StringComparison.OrdinalIgnoreCase);

    private static bool IssuesCsrf(string path) =>
        path.Equals("/api/staff/me", StringComparison.OrdinalIgnoreCase) ||
        (!path.StartsWith("/api/", StringComparison.OrdinalIgnoreCase) && !path.StartsWith("/dev/", StringComparison.OrdinalIgnoreCase) &&
         (path == "/" || path.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || path.EndsWith('/')));

    private static bool CsrfMatches(HttpRequest request)
    {
        var cookie = request.Cookies[CsrfCookie];
        var header = request.Headers[CsrfHeader].ToString();
        return !string.IsNullOrEmpty(cookie) && !string.IsNullOrEmpty(header) &&
               CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(cookie), Encoding.UTF8.GetBytes(header));
    }
}
