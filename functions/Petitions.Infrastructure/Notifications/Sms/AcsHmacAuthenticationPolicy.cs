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
/// Runs per retry so each attempt carries a fresh date.
/// </summary>
internal sealed class AcsHmacAuthenticationPolicy(byte[] accessKey, TimeProvider clock) : HttpPipelinePolicy
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
        var date = clock.GetUtcNow().ToString("r", CultureInfo.InvariantCulture);
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
