namespace Petitions.Core.Notifications;

/// <summary>
/// The GSM 03.38 default alphabet (3GPP TS 23.038 §6.2.1): the basic set (one septet each) and
/// the extension table reached through ESC (two septets each).
/// </summary>
public static class Gsm7Alphabet
{
    private const string Basic =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
        "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    private const string Extension = "\f^{}\\[~]|€";

    private static readonly HashSet<char> BasicSet = [.. Basic];
    private static readonly HashSet<char> ExtensionSet = [.. Extension];

    public static bool IsBasic(char c) => BasicSet.Contains(c);

    public static bool IsExtension(char c) => ExtensionSet.Contains(c);

    public static bool Contains(char c) => IsBasic(c) || IsExtension(c);

    /// <summary>True when every character of <paramref name="text"/> can be sent in GSM-7.</summary>
    public static bool CanEncode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var c in text)
        {
            if (!Contains(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Septets <paramref name="c"/> takes: 1 in the basic set, 2 in the extension table.</summary>
    public static int Septets(char c) => IsExtension(c) ? 2 : 1;
}
