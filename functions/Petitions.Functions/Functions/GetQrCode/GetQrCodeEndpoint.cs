using Microsoft.Azure.Functions.Worker;
using Petitions.Core.UseCases.Intake;
using Petitions.Functions.App;
using Petitions.Functions.App.Http;
using Petitions.Infrastructure.Configuration;
using Petitions.Infrastructure.Notifications.Zalo;

namespace Petitions.Functions.Functions.GetQrCode;

/// <summary>
/// <c>GET /api/qr?text=…</c>: a PNG QR code, only of our own pages (an absolute URL on this site's origin, or
/// the public site's <c>Public:BaseUrl</c>) or of a tracking code (encoded as its lookup page). Anything else is 400, so that
/// the endpoint cannot be used to brand arbitrary links with the government's site.
/// </summary>
public sealed class GetQrCodeEndpoint(PublicSiteSettings site)
{
    public const string Name = "GetQrCode";
    public const int MaxText = 300;

    [Function(Name)]
    [FunctionAccess(Audience.Public)]
    public IResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/qr")] HttpRequest req)
    {
        ArgumentNullException.ThrowIfNull(req);
        var http = req.HttpContext;
        var text = req.Query["text"].ToString();
        var origin = new Uri(site.Origin + "/");
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
