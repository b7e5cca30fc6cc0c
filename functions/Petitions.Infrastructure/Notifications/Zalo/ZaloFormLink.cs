using QRCoder;

namespace Petitions.Infrastructure.Notifications.Zalo;

/// <summary>
/// Links to our form that mark a case as filed through Zalo: <c>{FormUrl}?channel=zalo</c>, plus
/// <c>&amp;zref=</c> a <see cref="ZaloUserReference"/> when we know the Zalo user (a chat reply).
/// The plain channel link is what the QR code on the one-stop counter's poster opens.
/// </summary>
public static class ZaloFormLink
{
    public static Uri ForChannel(Uri formUrl) => Append(formUrl, "channel=zalo");

    public static Uri ForUser(Uri formUrl, string userReference) =>
        Append(formUrl, "channel=zalo&zref=" + Uri.EscapeDataString(userReference));

    /// <summary>A PNG QR code of <paramref name="link"/> (error correction M, quiet zone included).</summary>
    public static byte[] QrCodePng(Uri link, int pixelsPerModule = 10)
    {
        ArgumentNullException.ThrowIfNull(link);
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(link.AbsoluteUri, QRCodeGenerator.ECCLevel.M);
        using var png = new PngByteQRCode(data);
        return png.GetGraphic(pixelsPerModule);
    }

    private static Uri Append(Uri formUrl, string query)
    {
        ArgumentNullException.ThrowIfNull(formUrl);
        var builder = new UriBuilder(formUrl);
        builder.Query = string.IsNullOrEmpty(builder.Query) ? query : builder.Query.TrimStart('?') + "&" + query;
        return builder.Uri;
    }
}
