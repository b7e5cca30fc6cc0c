namespace Petitions.Functions.App.Security;

/// <summary>How staff sign in (section <c>Auth</c>), read once and validated at start.</summary>
public sealed class AuthSettings
{
    public const string SectionName = "Auth";

    /// <summary>Session cookie issued by <c>POST /dev/login</c> for a seeded member of staff (Development only).</summary>
    public const string Development = "Development";

    /// <summary>App Service Authentication: the platform's <c>X-MS-CLIENT-PRINCIPAL</c> (see <see cref="TrustPlatformPrincipal"/>).</summary>
    public const string AppService = "AppService";

    /// <summary>Unset: staff routes refuse everyone.</summary>
    public const string None = "None";

    /// <summary><c>Auth:Mode</c>: Development, AppService or None (the default).</summary>
    public string Mode { get; set; } = None;

    /// <summary>
    /// <c>Auth:TrustPlatformPrincipal</c>: true only where App Service Authentication runs in front of the app (it
    /// strips a client's own <c>X-MS-CLIENT-PRINCIPAL</c> and sets its own). Off locally, where anyone could send the
    /// header; with it off, AppService mode signs nobody in.
    /// </summary>
    public bool TrustPlatformPrincipal { get; set; }

    /// <summary>The mode in its canonical spelling.</summary>
    public string CanonicalMode =>
        new[] { Development, AppService, None }.FirstOrDefault(m => m.Equals(Mode?.Trim(), StringComparison.OrdinalIgnoreCase)) ?? None;

    public IReadOnlyList<string> Problems() =>
        string.IsNullOrWhiteSpace(Mode) || new[] { Development, AppService, None }.Any(m => m.Equals(Mode.Trim(), StringComparison.OrdinalIgnoreCase))
            ? []
            : [$"The setting Auth:Mode must be Development, AppService or None (found '{Mode}')."];
}
