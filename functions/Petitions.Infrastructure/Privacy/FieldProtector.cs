using System.Security.Cryptography;
using System.Text;
using Petitions.Core.Ports;

namespace Petitions.Infrastructure.Privacy;

/// <summary>
/// AES-256-GCM field encryption bound to a context (associated data: the case and field, so a value cannot be moved
/// to another case or field), and HMAC-SHA256 keyed hashes. Sealed form: "v1." + base64url(nonce ‖ ciphertext ‖ tag).
/// </summary>
public sealed class FieldProtector : ICitizenDataProtector
{
    private const string Version = "v1.";
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly byte[] _encryptionKey;
    private readonly byte[] _hashKey;

    /// <summary>Creates the protector from validated settings.</summary>
    public FieldProtector(SecuritySettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Problems() is { Count: > 0 } problems)
        {
            throw new InvalidOperationException(string.Join(" ", problems));
        }

        _encryptionKey = SecuritySettings.Decode(settings.FieldEncryptionKey)!;
        _hashKey = SecuritySettings.Decode(settings.PhoneHashKey)!;
    }

    /// <inheritdoc />
    public string Seal(string plaintext, string context)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        ArgumentException.ThrowIfNullOrEmpty(context);
        var clear = Encoding.UTF8.GetBytes(plaintext);
        var output = new byte[NonceSize + clear.Length + TagSize];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_encryptionKey, TagSize);
        aes.Encrypt(nonce, clear, output.AsSpan(NonceSize, clear.Length), output.AsSpan(NonceSize + clear.Length), Encoding.UTF8.GetBytes(context));
        return Version + Base64Url(output);
    }

    /// <inheritdoc />
    public string Open(string sealedValue, string context)
    {
        ArgumentNullException.ThrowIfNull(sealedValue);
        ArgumentException.ThrowIfNullOrEmpty(context);
        if (!sealedValue.StartsWith(Version, StringComparison.Ordinal))
        {
            throw new CryptographicException("Not a sealed value of a known version.");
        }

        var input = FromBase64Url(sealedValue[Version.Length..]);
        if (input.Length < NonceSize + TagSize)
        {
            throw new CryptographicException("The sealed value is truncated.");
        }

        var length = input.Length - NonceSize - TagSize;
        var clear = new byte[length];
        using var aes = new AesGcm(_encryptionKey, TagSize);
        aes.Decrypt(input.AsSpan(0, NonceSize), input.AsSpan(NonceSize, length), input.AsSpan(NonceSize + length), clear, Encoding.UTF8.GetBytes(context));
        return Encoding.UTF8.GetString(clear);
    }

    /// <inheritdoc />
    public string PhoneHash(string e164)
    {
        ArgumentException.ThrowIfNullOrEmpty(e164);
        return Convert.ToHexStringLower(HMACSHA256.HashData(_hashKey, Encoding.UTF8.GetBytes(e164)));
    }

    /// <inheritdoc />
    public string KeyedHash(string purpose, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(purpose);
        ArgumentNullException.ThrowIfNull(value);
        return Convert.ToHexStringLower(HMACSHA256.HashData(_hashKey, Encoding.UTF8.GetBytes(purpose + "\n" + value)));
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string text)
    {
        var s = text.Replace('-', '+').Replace('_', '/');
        s = s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '=');
        try
        {
            return Convert.FromBase64String(s);
        }
        catch (FormatException e)
        {
            throw new CryptographicException("The sealed value is not base64url.", e);
        }
    }
}
