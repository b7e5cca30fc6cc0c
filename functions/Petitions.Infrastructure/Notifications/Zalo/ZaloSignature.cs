using System.Security.Cryptography;
using System.Text;

namespace Petitions.Infrastructure.Notifications.Zalo;

/// <summary>
/// Zalo OA webhook signature: header <c>X-ZEvent-Signature: mac=&lt;hex sha256(appId + rawBody + timestamp + oaSecretKey)&gt;</c>,
/// where rawBody is the exact bytes received and timestamp the event's own <c>timestamp</c> field.
/// </summary>
public static class ZaloSignature
{
    public const string HeaderName = "X-ZEvent-Signature";

    public static string Compute(string appId, ReadOnlySpan<byte> rawBody, string timestamp, string oaSecretKey)
    {
        ArgumentNullException.ThrowIfNull(appId);
        ArgumentNullException.ThrowIfNull(timestamp);
        ArgumentNullException.ThrowIfNull(oaSecretKey);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(appId));
        hash.AppendData(rawBody);
        hash.AppendData(Encoding.UTF8.GetBytes(timestamp));
        hash.AppendData(Encoding.UTF8.GetBytes(oaSecretKey));
        return "mac=" + Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>True when <paramref name="headerValue"/> is the right signature; compared in constant time.</summary>
    public static bool Verify(string appId, ReadOnlySpan<byte> rawBody, string timestamp, string oaSecretKey, string? headerValue)
    {
        if (string.IsNullOrWhiteSpace(headerValue))
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Compute(appId, rawBody, timestamp, oaSecretKey));
        var given = Encoding.UTF8.GetBytes(headerValue.Trim().ToLowerInvariant());
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }
}
