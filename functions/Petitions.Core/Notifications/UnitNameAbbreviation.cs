using System.Text.RegularExpressions;

namespace Petitions.Core.Notifications;

/// <summary>
/// Shortens unit names the way Vietnamese administrative writing does, deterministically, on the
/// unaccented text: "Uy ban nhan dan phuong Cam Tay, tinh Quang Ninh" → "UBND P.Cam Tay, T.Quang Ninh".
/// Level words (phường, xã, tỉnh, thành phố, đặc khu) are matched in lower case anywhere, and
/// capitalised only where a name starts (start of text or after a comma), so that a place called
/// "Xa La" is left alone.
/// </summary>
public static partial class UnitNameAbbreviation
{
    private static readonly (Regex Pattern, string Replacement)[] Rules =
    [
        (UyBanNhanDan(), "UBND"),
        (HoiDongNhanDan(), "HDND"),
        (ThanhTra(), "TTr"),
        (ThanhPho(), "TP."),
        (DacKhu(), "DK."),
        (Phuong(), "P."),
        (Xa(), "X."),
        (Tinh(), "T."),
        (Spaces(), " "),
    ];

    /// <summary>The abbreviated, unaccented GSM-7 form of <paramref name="unitName"/>.</summary>
    public static string Abbreviate(string unitName)
    {
        ArgumentNullException.ThrowIfNull(unitName);
        var text = SmsText.ToGsm7(unitName);
        foreach (var (pattern, replacement) in Rules)
        {
            text = pattern.Replace(text, replacement);
        }

        return text.Trim();
    }

    [GeneratedRegex(@"(?:\bthanh pho|(?:^|(?<=,\s*))Thanh pho)\s+(?=\S)", RegexOptions.CultureInvariant)]
    private static partial Regex ThanhPho();

    [GeneratedRegex(@"(?:\bdac khu|(?:^|(?<=,\s*))Dac khu)\s+(?=\S)", RegexOptions.CultureInvariant)]
    private static partial Regex DacKhu();

    [GeneratedRegex(@"(?:\bphuong|(?:^|(?<=,\s*))Phuong)\s+(?=\S)", RegexOptions.CultureInvariant)]
    private static partial Regex Phuong();

    [GeneratedRegex(@"(?:\bxa|(?:^|(?<=,\s*))Xa)\s+(?=\S)", RegexOptions.CultureInvariant)]
    private static partial Regex Xa();

    [GeneratedRegex(@"(?:\btinh|(?:^|(?<=,\s*))Tinh)\s+(?=\S)", RegexOptions.CultureInvariant)]
    private static partial Regex Tinh();

    [GeneratedRegex(@"\bUy\s+ban\s+nhan\s+dan\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UyBanNhanDan();

    [GeneratedRegex(@"\bHoi\s+dong\s+nhan\s+dan\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HoiDongNhanDan();

    [GeneratedRegex(@"\bThanh\s+tra\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ThanhTra();

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex Spaces();
}
