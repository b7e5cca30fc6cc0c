using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Petitions.Infrastructure.Storage.Pipeline;

/// <summary>
/// Shared Key / Shared Key Lite signatures exactly as "Authorize with Shared Key" (Storage REST docs)
/// defines them. Pure functions over the request's parts, so tests can pin them to fixed vectors.
/// </summary>
internal sealed class SharedKeySigner
{
    private readonly byte[] _key;

    public SharedKeySigner(string accountName, string accountKey)
    {
        AccountName = accountName;
        _key = Convert.FromBase64String(accountKey);
    }

    public string AccountName { get; }

    /// <summary>
    /// Table service, Shared Key:
    /// <c>VERB\nContent-MD5\nContent-Type\nDate\nCanonicalizedResource</c>, where Date is the
    /// <c>x-ms-date</c> value and the resource is <c>/account/path</c> plus <c>?comp=…</c> if present.
    /// </summary>
    public string TableStringToSign(string method, string? contentMd5, string? contentType, string date, Uri uri) =>
        string.Join('\n', method, contentMd5 ?? string.Empty, contentType ?? string.Empty, date, TableCanonicalizedResource(uri));

    /// <summary>Table service, Shared Key Lite: <c>Date\nCanonicalizedResource</c>.</summary>
    public string TableLiteStringToSign(string date, Uri uri) => date + "\n" + TableCanonicalizedResource(uri);

    /// <summary>
    /// Blob/Queue service, Shared Key (version 2015-02-21 and later: Content-Length empty when zero):
    /// VERB, Content-Encoding, Content-Language, Content-Length, Content-MD5, Content-Type, Date,
    /// If-Modified-Since, If-Match, If-None-Match, If-Unmodified-Since, Range, one line each, then the
    /// canonicalized <c>x-ms-</c> headers and the canonicalized resource.
    /// </summary>
    public string QueueStringToSign(string method, IReadOnlyDictionary<string, string> headers, long? contentLength, Uri uri)
    {
        string H(string name) => headers.TryGetValue(name, out var v) ? v : string.Empty;

        var sb = new StringBuilder();
        sb.Append(method).Append('\n')
            .Append(H("Content-Encoding")).Append('\n')
            .Append(H("Content-Language")).Append('\n')
            .Append(contentLength is null or 0 ? string.Empty : contentLength.Value.ToString(CultureInfo.InvariantCulture)).Append('\n')
            .Append(H("Content-MD5")).Append('\n')
            .Append(H("Content-Type")).Append('\n')
            .Append(H("Date")).Append('\n')
            .Append(H("If-Modified-Since")).Append('\n')
            .Append(H("If-Match")).Append('\n')
            .Append(H("If-None-Match")).Append('\n')
            .Append(H("If-Unmodified-Since")).Append('\n')
            .Append(H("Range")).Append('\n');

        foreach (var header in headers
                     .Where(h => h.Key.StartsWith("x-ms-", StringComparison.OrdinalIgnoreCase))
                     .Select(h => (Name: h.Key.ToLowerInvariant(), Value: h.Value.Trim()))
                     .OrderBy(h => h.Name, StringComparer.Ordinal))
        {
            sb.Append(header.Name).Append(':').Append(header.Value).Append('\n');
        }

        sb.Append(QueueCanonicalizedResource(uri));
        return sb.ToString();
    }

    /// <summary>HMAC-SHA256 of the UTF-8 string-to-sign with the decoded key, base64.</summary>
    public string Sign(string stringToSign) =>
        Convert.ToBase64String(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(stringToSign)));

    /// <summary>
    /// <c>/account</c> + the encoded URI path. With path-style endpoints (Azurite) the path already
    /// starts with the account, so it appears twice (<c>/devstoreaccount1/devstoreaccount1/…</c>), as the doc says.
    /// </summary>
    private string TableCanonicalizedResource(Uri uri)
    {
        var resource = "/" + AccountName + uri.AbsolutePath;
        var comp = QueryParameters(uri).FirstOrDefault(p => p.Name == "comp");
        return comp.Name is null ? resource : resource + "?comp=" + comp.Value;
    }

    private string QueueCanonicalizedResource(Uri uri)
    {
        var sb = new StringBuilder("/").Append(AccountName).Append(uri.AbsolutePath);
        foreach (var group in QueryParameters(uri).GroupBy(p => p.Name).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            sb.Append('\n').Append(group.Key).Append(':')
                .Append(string.Join(',', group.Select(p => p.Value).Order(StringComparer.Ordinal)));
        }

        return sb.ToString();
    }

    private static IEnumerable<(string Name, string Value)> QueryParameters(Uri uri)
    {
        var query = uri.Query.TrimStart('?');
        if (query.Length == 0)
        {
            yield break;
        }

        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var name = eq < 0 ? pair : pair[..eq];
            var value = eq < 0 ? string.Empty : pair[(eq + 1)..];
            yield return (Uri.UnescapeDataString(name).ToLowerInvariant(), Uri.UnescapeDataString(value));
        }
    }
}
