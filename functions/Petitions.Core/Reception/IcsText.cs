using System.Text;

namespace Petitions.Core.Reception;

/// <summary>RFC 5545 content-line helpers: TEXT escaping (3.3.11) and folding (3.1).</summary>
public static class IcsText
{
    /// <summary>Line break of the format: CRLF only.</summary>
    public const string CrLf = "\r\n";

    /// <summary>Longest physical line, in octets, CRLF excluded.</summary>
    public const int MaxOctets = 75;

    /// <summary>
    /// Escapes a TEXT value: backslash, semicolon, comma, and any line break as <c>\n</c>; other
    /// control characters are dropped. Text is normalised to NFC first, so a Vietnamese letter and
    /// its tone mark are one character and folding cannot separate them.
    /// </summary>
    public static string Escape(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        value = value.Normalize(NormalizationForm.FormC);
        var sb = new StringBuilder(value.Length + 8);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '\\': sb.Append(@"\\"); break;
                case ';': sb.Append(@"\;"); break;
                case ',': sb.Append(@"\,"); break;
                case '\r':
                    sb.Append(@"\n");
                    if (i + 1 < value.Length && value[i + 1] == '\n')
                    {
                        i++;
                    }

                    break;
                case '\n': sb.Append(@"\n"); break;
                default:
                    if (!char.IsControl(c) || c == '\t')
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// Folds one content line so that no physical line exceeds 75 UTF-8 octets; continuation lines
    /// start with one space (counted in the 75). Never splits a UTF-8 sequence or a surrogate pair.
    /// Returns the folded line with its CRLF.
    /// </summary>
    public static string Fold(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var sb = new StringBuilder(line.Length + 8);
        var octets = 0;
        var i = 0;
        while (i < line.Length)
        {
            var width = char.IsHighSurrogate(line[i]) && i + 1 < line.Length && char.IsLowSurrogate(line[i + 1]) ? 2 : 1;
            var size = Encoding.UTF8.GetByteCount(line.AsSpan(i, width));
            if (octets + size > MaxOctets)
            {
                sb.Append(CrLf).Append(' ');
                octets = 1;
            }

            sb.Append(line, i, width);
            octets += size;
            i += width;
        }

        return sb.Append(CrLf).ToString();
    }

    /// <summary>Undoes folding (RFC 5545 3.1): removes every CRLF followed by one space or tab.</summary>
    public static string Unfold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Replace("\r\n ", string.Empty, StringComparison.Ordinal).Replace("\r\n\t", string.Empty, StringComparison.Ordinal);
    }
}
