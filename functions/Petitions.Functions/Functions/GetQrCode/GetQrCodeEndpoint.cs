using Petitions.Core.UseCases.Intake;
using Petitions.Functions.App;
using Petitions.Infrastructure.Notifications.Zalo;

namespace Petitions.Functions.Functions.GetQrCode;

/// <summary>
/// <c>GET /api/qr?text=…</c>: a PNG QR code, only of our own pages (an absolute URL on this site's origin, or
/// <c>Public:BaseUrl</c> when set) or of a tracking code (encoded as its lookup page). Anything else is 400, so that
/// the endpoint cannot be used to brand arbitrary links with the government's site.
/// </summary>
internal static class GetQrCodeEndpoint
{
    public const string Name = "GetQrCode";
    public const string BaseUrlSetting = "Public:BaseUrl";
    public const int MaxText = 300;

    public static IEndpointConventionBuilder Map(IEndpointRouteBuilder endpoints) => endpoints.MapGet("api/qr", Handle);

    public static IResult Handle(HttpContext http, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(configuration);
        var text = http.Request.Query["text"].ToString();
        var origin = configuration[BaseUrlSetting] is { Length: > 0 } configured && Uri.TryCreate(configured, UriKind.Absolute, out var baseUri)
            ? baseUri
            : new Uri($"{http.Request.Scheme}://{http.Request.Host}/");
        Uri? target = null;
        if (text.Length is > 0 and <= MaxText)
        {
            if (TrackingCode.Normalise(text) is { } code && !text.Contains(':', StringComparison.Ordinal))
            {
                target = new Uri(origin, $"/lookup.html?code={Uri.EscapeDataString(code)}");
            }
            else if (Uri.TryCreate(text, UriKind.Absolute, out var uri) &&
                     uri.Scheme is "http" or "https" &&
                     string.Equals(uri.GetLeftPart(UriPartial.Authority), origin.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase) &&
                     string.IsNullOrEmpty(uri.UserInfo))
            {
                target = uri;
            }
        }

        if (target is null)
        {
            return UseCaseResults.Problem(400, "qr.text", $"text must be a tracking code or a link to this site, at most {MaxText} characters.",
                [new("text", "qr.text", $"text must be a tracking code or a link to this site, at most {MaxText} characters.", $"text phải là mã hồ sơ hoặc đường dẫn tới trang này, tối đa {MaxText} ký tự.")]);
        }

        http.Response.Headers.CacheControl = "public, max-age=86400";
        return TypedResults.File(ZaloFormLink.QrCodePng(target, 8), "image/png");
    }
}
