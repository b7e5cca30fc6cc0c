using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Petitions.Core.Organisation;
using Petitions.Core.UseCases.Staff;

namespace Petitions.Functions.App.Security;

/// <summary>
/// Who the signed-in member of staff is, per <c>Auth:Mode</c>: the Development session cookie (in Development only),
/// the App Service principal (only where <c>Auth:TrustPlatformPrincipal</c> says the platform sets it), or nobody.
/// Failures are 401 problems carrying <c>x-petitions-auth-mode</c> so that the sign-in page knows what to offer.
/// Called once per request, by <see cref="Http.HttpPolicyMiddleware"/>, never by a function.
/// </summary>
public sealed class StaffAuthenticator(AuthSettings settings, IHostEnvironment environment, OrganisationChart chart, IDataProtectionProvider protection)
{
    public const string SessionCookie = "petitions_session";
    public const string ModeHeader = "x-petitions-auth-mode";
    public const string PrincipalHeader = "X-MS-CLIENT-PRINCIPAL";
    private static readonly TimeSpan SessionLifetime = TimeSpan.FromHours(12);
    private static readonly string[] LoginClaims =
        ["preferred_username", "email", "upn", "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress", "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn"];

    private static readonly string[] RoleClaims = ["roles", "http://schemas.microsoft.com/ws/2008/06/identity/claims/role"];

    private readonly ITimeLimitedDataProtector _sessions = protection.CreateProtector("Petitions.StaffSession.v1").ToTimeLimitedDataProtector();

    public string Mode { get; } = settings.CanonicalMode;

    /// <summary>The principal, or the 401/403 answer.</summary>
    public (StaffPrincipal? Who, IResult? Failure) Authenticate(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Response.Headers[ModeHeader] = Mode;
        var member = Mode switch
        {
            AuthSettings.Development when environment.IsDevelopment() => FromSession(http.Request),
            AuthSettings.AppService when settings.TrustPlatformPrincipal => FromPlatform(http.Request),
            _ => null,
        };
        if (member is null)
        {
            return (null, UseCaseResults.Problem(StatusCodes.Status401Unauthorized, "auth.required", "Sign in as a member of staff."));
        }

        return (new StaffPrincipal(member.Id, member.UnitId, member.Role), null);
    }

    /// <summary>Starts a Development session (HttpOnly, SameSite=Strict, protected with Data Protection).</summary>
    public void SignIn(HttpContext http, StaffMember member)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(member);
        http.Response.Cookies.Append(SessionCookie, _sessions.Protect(member.Id, SessionLifetime), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = http.Request.IsHttps,
            Path = "/",
            MaxAge = SessionLifetime,
        });
    }

    public static void SignOut(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Response.Cookies.Delete(SessionCookie, new CookieOptions { Path = "/", HttpOnly = true, SameSite = SameSiteMode.Strict });
    }

    private StaffMember? FromSession(HttpRequest request)
    {
        var cookie = request.Cookies[SessionCookie];
        if (string.IsNullOrEmpty(cookie))
        {
            return null;
        }

        try
        {
            return chart.FindStaff(_sessions.Unprotect(cookie));
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    /// <summary>
    /// Maps the platform's principal to a member of staff by a login claim matched against the staff's <c>login</c>.
    /// When the principal carries role claims, one of them must name the member's role in the organisation data.
    /// </summary>
    private StaffMember? FromPlatform(HttpRequest request)
    {
        var raw = request.Headers[PrincipalHeader].ToString();
        if (string.IsNullOrEmpty(raw) || raw.Length > 16_384)
        {
            return null;
        }

        List<(string Type, string Value)> claims;
        try
        {
            using var doc = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(raw)));
            if (!doc.RootElement.TryGetProperty("claims", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            claims = [.. list.EnumerateArray()
                .Where(c => c.ValueKind == JsonValueKind.Object && c.TryGetProperty("typ", out var t) && t.ValueKind == JsonValueKind.String && c.TryGetProperty("val", out var v) && v.ValueKind == JsonValueKind.String)
                .Select(c => (c.GetProperty("typ").GetString()!, c.GetProperty("val").GetString()!))];
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }

        var member = LoginClaims
            .Select(type => claims.FirstOrDefault(c => string.Equals(c.Type, type, StringComparison.OrdinalIgnoreCase)).Value)
            .Select(chart.FindStaffByLogin)
            .FirstOrDefault(m => m is not null);
        if (member is null)
        {
            return null;
        }

        var roles = claims.Where(c => RoleClaims.Contains(c.Type, StringComparer.OrdinalIgnoreCase)).Select(c => c.Value).ToList();
        var refused = roles.Count > 0 && !roles.Contains(member.Role.ToString(), StringComparer.OrdinalIgnoreCase);
        return refused ? null : member;
    }
}
