using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Petitions.Infrastructure.Notifications.Zalo;

/// <summary>
/// The Zalo user carried in our form link, as a signed, expiring reference:
/// <c>&lt;userId&gt;.&lt;expiresUnixSeconds&gt;.&lt;base64url(HMAC-SHA256(key, userId + "." + expires))&gt;</c>.
/// Signed rather than hashed because the case must be able to answer the user back on Zalo; the
/// Zalo user id is an OA-scoped pseudonym, not a phone number or a name. The key is derived from the
/// OA secret key (HMAC of a fixed label), so there is no extra secret to manage; rotating the OA
/// secret invalidates outstanding links, which then only lose their Zalo reply path.
/// </summary>
public sealed class ZaloUserReference(string oaSecretKey, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    private readonly byte[] _key = HMACSHA256.HashData(Encoding.UTF8.GetBytes(oaSecretKey), "petitions:zalo-form-link:v1"u8);

    public string Create(string zaloUserId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(zaloUserId);
        if (zaloUserId.Contains('.', StringComparison.Ordinal))
        {
            throw new ArgumentException("A Zalo user id has no dots.", nameof(zaloUserId));
        }

        var expires = (clock.GetUtcNow() + Lifetime).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return zaloUserId + "." + expires + "." + Mac(zaloUserId, expires);
    }

    /// <summary>The Zalo user id when <paramref name="reference"/> is genuine and not expired; otherwise null.</summary>
    public string? Verify(string? reference)
    {
        var parts = reference?.Split('.');
        if (parts is not { Length: 3 } || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var expires))
        {
            return null;
        }

        var expected = Encoding.ASCII.GetBytes(Mac(parts[0], parts[1]));
        var given = Encoding.ASCII.GetBytes(parts[2]);
        if (!CryptographicOperations.FixedTimeEquals(expected, given))
        {
            return null;
        }

        return clock.GetUtcNow().ToUnixTimeSeconds() <= expires ? parts[0] : null;
    }

    private string Mac(string userId, string expires)
    {
        var mac = HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(userId + "." + expires));
        return Convert.ToBase64String(mac).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}
