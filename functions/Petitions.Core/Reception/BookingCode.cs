using System.Security.Cryptography;
using System.Text;

namespace Petitions.Core.Reception;

/// <summary>
/// Booking codes: 8 characters of Crockford base32 (40 random bits from a CSPRNG), so they cannot
/// be guessed or enumerated. Typed back by citizens, so reading is forgiving: case-insensitive,
/// hyphens and spaces ignored, I/L read as 1 and O as 0.
/// </summary>
public static class BookingCode
{
    /// <summary>Characters of a code.</summary>
    public const int Length = 8;

    /// <summary>Crockford's alphabet: digits and letters without I, L, O, U.</summary>
    public const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <summary>A new code from the system CSPRNG.</summary>
    public static string New() => FromRandom(RandomNumberGenerator.GetBytes(5));

    /// <summary>Encodes 5 random bytes (40 bits) as 8 characters.</summary>
    public static string FromRandom(ReadOnlySpan<byte> fiveBytes)
    {
        if (fiveBytes.Length != 5)
        {
            throw new ArgumentException("A booking code is made of exactly 5 random bytes.", nameof(fiveBytes));
        }

        ulong bits = 0;
        foreach (var b in fiveBytes)
        {
            bits = (bits << 8) | b;
        }

        Span<char> chars = stackalloc char[Length];
        for (var i = Length - 1; i >= 0; i--)
        {
            chars[i] = Alphabet[(int)(bits & 31)];
            bits >>= 5;
        }

        return new string(chars);
    }

    /// <summary>Reads a code as typed; null when it cannot be a booking code.</summary>
    public static string? Normalize(string? typed)
    {
        if (typed is null)
        {
            return null;
        }

        var sb = new StringBuilder(Length);
        foreach (var c in typed.ToUpperInvariant())
        {
            var mapped = c switch
            {
                '-' or ' ' => '\0',
                'I' or 'L' => '1',
                'O' => '0',
                _ => c,
            };
            if (mapped == '\0')
            {
                continue;
            }

            if (!Alphabet.Contains(mapped, StringComparison.Ordinal))
            {
                return null;
            }

            sb.Append(mapped);
        }

        return sb.Length == Length ? sb.ToString() : null;
    }
}
