namespace Petitions.Functions.App.Security;

/// <summary>How staff sign in (<c>Auth:Mode</c>).</summary>
internal static class AuthModes
{
    public const string Setting = "Auth:Mode";

    /// <summary>Session cookie issued by <c>POST /dev/login</c> for a seeded member of staff (Development only).</summary>
    public const string Development = "Development";

    /// <summary>App Service Authentication: the platform's <c>X-MS-CLIENT-PRINCIPAL</c>, trusted only under the Functions host.</summary>
    public const string AppService = "AppService";

    /// <summary>Unset: staff routes refuse everyone.</summary>
    public const string None = "None";

    public static string From(IConfiguration configuration)
    {
        var raw = configuration[Setting];
        if (string.IsNullOrWhiteSpace(raw))
        {
            return None;
        }

        return raw.Trim() switch
        {
            var m when m.Equals(Development, StringComparison.OrdinalIgnoreCase) => Development,
            var m when m.Equals(AppService, StringComparison.OrdinalIgnoreCase) => AppService,
            var m when m.Equals(None, StringComparison.OrdinalIgnoreCase) => None,
            _ => throw new InvalidOperationException($"{Setting} must be Development, AppService or None (found '{raw}')."),
        };
    }
}
