using System.Security.Cryptography;

namespace Petitions.Core.UseCases.Intake;

/// <summary>
/// Tracking codes: "HS-" and 8 Crockford base32 characters (40 bits from a CSPRNG), e.g. HS-7K2Q-9MXT. The same
/// prefix for every kind, so that a code seen on a phone does not reveal a denunciation.
/// </summary>
public static class TrackingCode
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <summary>A new random code.</summary>
    public static string New()
    {
        Span<byte> bytes = stackalloc byte[5];
        RandomNumberGenerator.Fill(bytes);
        ulong value = 0;
        foreach (var b in bytes)
        {
            value = (value << 8) | b;
        }

        Span<char> chars = stackalloc char[8];
        for (var i = 7; i >= 0; i--)
        {
            chars[i] = Alphabet[(int)(value & 31)];
            value >>= 5;
        }

        return $"HS-{chars[..4]}-{chars[4..]}";
    }

    /// <summary>
    /// The canonical form of a code as a citizen may type it (lower case, without dashes, O for 0, I or L for 1),
    /// or null when it cannot be a code.
    /// </summary>
    public static string? Normalise(string? input)
    {
        if (string.IsNullOrWhiteSpace(input) || input.Length > 20)
        {
            return null;
        }

        var text = input.Trim().ToUpperInvariant().Replace("-", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal);
        if (!text.StartsWith("HS", StringComparison.Ordinal) || text.Length != 10)
        {
            return null;
        }

        Span<char> body = stackalloc char[8];
        for (var i = 0; i < 8; i++)
        {
            var c = text[i + 2] switch { 'O' => '0', 'I' or 'L' => '1', var other => other };
            if (!Alphabet.Contains(c, StringComparison.Ordinal))
            {
                return null;
            }

            body[i] = c;
        }

        return $"HS-{body[..4]}-{body[4..]}";
    }
}
