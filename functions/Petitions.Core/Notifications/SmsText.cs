using System.Globalization;
using System.Text;

namespace Petitions.Core.Notifications;

/// <summary>
/// Turns Vietnamese text into unaccented GSM-7 text: tones and vowel marks removed
/// (ắ→a, ơ→o, ư→u), đ→d and Đ→D, typographic punctuation replaced by its plain form, and anything
/// else outside the GSM-7 alphabet replaced by <see cref="Substitute"/>. A single character outside
/// GSM-7 would switch the whole message to UCS-2 (70 characters a segment instead of 160).
/// </summary>
public static class SmsText
{
    /// <summary>What a character that has no GSM-7 form becomes.</summary>
    public const char Substitute = '?';

    private static readonly Dictionary<char, string> Replacements = new()
    {
        ['đ'] = "d",
        ['Đ'] = "D",
        ['ð'] = "d",
        ['Ð'] = "D",
        ['\u2018'] = "'",
        ['\u2019'] = "'",
        ['\u201A'] = "'",
        ['\u201B'] = "'",
        ['`'] = "'",
        ['´'] = "'",
        ['\u201C'] = "\"",
        ['\u201D'] = "\"",
        ['\u201E'] = "\"",
        ['«'] = "\"",
        ['»'] = "\"",
        ['\u2010'] = "-",
        ['\u2011'] = "-",
        ['\u2012'] = "-",
        ['\u2013'] = "-",
        ['\u2014'] = "-",
        ['\u2212'] = "-",
        ['\u2022'] = "-",
        ['\u2026'] = "...",
        ['\t'] = " ",
        ['\u00A0'] = " ",
        ['\u2007'] = " ",
        ['\u202F'] = " ",
        ['\u200B'] = "",
        ['\uFEFF'] = "",
    };

    /// <summary>The GSM-7, unaccented form of <paramref name="text"/>.</summary>
    public static string ToGsm7(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var result = new StringBuilder(decomposed.Length);
        foreach (var rune in decomposed.EnumerateRunes())
        {
            if (Rune.GetUnicodeCategory(rune) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (!rune.IsBmp)
            {
                result.Append(Substitute);
                continue;
            }

            var c = (char)rune.Value;
            if (Replacements.TryGetValue(c, out var replacement))
            {
                result.Append(replacement);
            }
            else if (Gsm7Alphabet.Contains(c))
            {
                result.Append(c);
            }
            else if (char.IsWhiteSpace(c))
            {
                result.Append(' ');
            }
            else
            {
                result.Append(Substitute);
            }
        }

        return result.ToString();
    }
}
