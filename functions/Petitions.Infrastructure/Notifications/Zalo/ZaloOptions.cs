namespace Petitions.Infrastructure.Notifications.Zalo;

/// <summary>Settings of <c>Notifications:Zalo</c>. ZNS is used only when <see cref="AccessToken"/> is set.</summary>
public sealed class ZaloOptions
{
    public string? AppId { get; set; }

    /// <summary>OA secret key: verifies webhook signatures and keys the form-link reference.</summary>
    public string? OaSecretKey { get; set; }

    public string? AccessToken { get; set; }

    /// <summary>ZNS API base, default <c>https://business.openapi.zalo.me</c>.</summary>
    public Uri BaseUrl { get; set; } = new("https://business.openapi.zalo.me");

    /// <summary>OA API base for customer-service replies, default <c>https://openapi.zalo.me</c>.</summary>
    public Uri OaBaseUrl { get; set; } = new("https://openapi.zalo.me");

    /// <summary>Our public form, e.g. <c>https://pakn.example.vn/gui-don</c>; the Zalo link adds channel and reference.</summary>
    public Uri? FormUrl { get; set; }

    /// <summary>ZNS template id per template key or event name (e.g. <c>CaseReceived</c> or <c>case-received</c>).</summary>
    public Dictionary<string, string> Templates { get; } = new(StringComparer.OrdinalIgnoreCase);

    public TimeSpan NetworkTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool ZnsEnabled => !string.IsNullOrWhiteSpace(AccessToken);
}
