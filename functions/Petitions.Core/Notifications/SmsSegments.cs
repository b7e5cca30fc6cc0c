namespace Petitions.Core.Notifications;

/// <summary>How a text is encoded on the air interface.</summary>
public enum SmsEncoding
{
    /// <summary>GSM 03.38 default alphabet, 7 bits a character.</summary>
    Gsm7,

    /// <summary>UCS-2 (UTF-16 code units), used as soon as one character is outside GSM-7.</summary>
    Ucs2,
}

/// <summary>The size of a message: encoding, units (septets or UTF-16 code units) and segments billed.</summary>
public readonly record struct SmsSegmentCount(SmsEncoding Encoding, int Units, int Segments);

/// <summary>
/// Counts SMS segments the way carriers bill them: GSM-7 fits 160 septets in one segment and 153
/// per segment when concatenated (the user-data header takes 7); UCS-2 fits 70 and 67. An
/// extension-table character (two septets) and a surrogate pair are never split across segments.
/// </summary>
public static class SmsSegments
{
    public const int Gsm7Single = 160;
    public const int Gsm7Multipart = 153;
    public const int Ucs2Single = 70;
    public const int Ucs2Multipart = 67;

    public static SmsSegmentCount Count(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Gsm7Alphabet.CanEncode(text) ? CountGsm7(text) : CountUcs2(text);
    }

    private static SmsSegmentCount CountGsm7(string text)
    {
        var septets = 0;
        foreach (var c in text)
        {
            septets += Gsm7Alphabet.Septets(c);
        }

        if (septets <= Gsm7Single)
        {
            return new SmsSegmentCount(SmsEncoding.Gsm7, septets, 1);
        }

        var segments = 1;
        var used = 0;
        foreach (var c in text)
        {
            var size = Gsm7Alphabet.Septets(c);
            if (used + size > Gsm7Multipart)
            {
                segments++;
                used = 0;
            }

            used += size;
        }

        return new SmsSegmentCount(SmsEncoding.Gsm7, septets, segments);
    }

    private static SmsSegmentCount CountUcs2(string text)
    {
        if (text.Length <= Ucs2Single)
        {
            return new SmsSegmentCount(SmsEncoding.Ucs2, text.Length, 1);
        }

        var segments = 1;
        var used = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var size = char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
            if (used + size > Ucs2Multipart)
            {
                segments++;
                used = 0;
            }

            used += size;
            i += size - 1;
        }

        return new SmsSegmentCount(SmsEncoding.Ucs2, text.Length, segments);
    }
}
