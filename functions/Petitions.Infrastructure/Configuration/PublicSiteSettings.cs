namespace Petitions.Infrastructure.Configuration;

/// <summary>
/// The public site (section <c>Public</c>): <c>Public:BaseUrl</c>, the address citizens reach, used for the short
/// links of every SMS (<c>{base}/t/</c>, <c>{base}/r/</c>), reception links and QR codes. Read here and nowhere else.
/// </summary>
public sealed class PublicSiteSettings
{
    public const string SectionName = "Public";

    /// <summary>Development default: the local host's address.</summary>
    public const string DefaultBaseUrl = "http://localhost:7071";

    public string BaseUrl { get; set; } = DefaultBaseUrl;

    /// <summary>The base URL without a trailing slash.</summary>
    public string Origin => BaseUrl.TrimEnd('/');

    public IReadOnlyList<string> Problems() =>
        Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && string.IsNullOrEmpty(uri.Query)
            ? []
            : [$"The setting Public:BaseUrl '{BaseUrl}' is not an absolute http(s) address (e.g. https://pakn.example.vn)."];
}
