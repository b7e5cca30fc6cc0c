using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Petitions.Infrastructure.Notifications.Sms;

/// <summary>
/// Signs each request the way ACS verifies it (HMAC-SHA256 with the base64-decoded access key):
/// string-to-sign <c>VERB\npath?query\nx-ms-date;host;x-ms-content-sha256</c>, header
/// <c>Authorization: HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&amp;Signature=…</c>.
/// The host is the URI authority: it includes the port when it is not the scheme's default.
/// Runs per retry so each attempt carries a fresh date. The date comes from the system clock, never the
/// application's settable clock: ACS refuses a request dated more than 15 minutes off real time, so a
/// moved development clock (<c>/dev/clock</c>) must not reach the signature.
/// </summary>
internal sealed class AcsHmacAuthenticationPolicy(byte[] accessKey) : HttpPipelinePolicy
{
    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Sign(message);
        ProcessNext(message, pipeline);
    }

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Sign(message);
        return ProcessNextAsync(message, pipeline);
    }

    private void Sign(HttpMessage message)
    {
        var request = message.Request;
        var body = ReadBody(request.Content);
        var contentHash = Convert.ToBase64String(SHA256.HashData(body));
        var date = TimeProvider.System.GetUtcNow().ToString("r", CultureInfo.InvariantCulture);
        var uri = request.Uri.ToUri();
        var signature = ComputeSignature(accessKey, request.Method.Method, uri.PathAndQuery, date, uri.Authority, contentHash);

        request.Headers.SetValue("x-ms-date", date);
        request.Headers.SetValue("x-ms-content-sha256", contentHash);
        request.Headers.SetValue(
            "Authorization",
            "HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=" + signature);
    }

    internal static string ComputeSignature(byte[] key, string method, string pathAndQuery, string date, string host, string contentHash)
    {
        var stringToSign = method.ToUpperInvariant() + "\n" + pathAndQuery + "\n" + date + ";" + host + ";" + contentHash;
        return Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));
    }

    private static byte[] ReadBody(RequestContent? content)
    {
        if (content is null)
        {
            return [];
        }

        using var buffer = new MemoryStream();
        content.WriteTo(buffer, CancellationToken.None);
        return buffer.ToArray();
    }
}
