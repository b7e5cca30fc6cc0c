using System.Diagnostics.CodeAnalysis;

namespace Petitions.Core.Citizens;

/// <summary>
/// A Vietnamese mobile number, normalised to E.164 (<c>+84</c> followed by the 9-digit national
/// significant number). Accepts the forms citizens type: <c>0912345678</c>, <c>+84912345678</c>,
/// <c>84912345678</c>, <c>0084912345678</c>, with spaces, dots, dashes or brackets between digits.
/// Mobile ranges after the country code start with 3, 5, 7, 8 or 9 (national form 03x, 05x, 07x,
/// 08x, 09x — the ranges in use since the 2018 renumbering).
/// </summary>
public sealed record PhoneNumber
{
    private const string CountryCode = "84";
    private const int NationalSignificantLength = 9;

    private PhoneNumber(string nationalSignificantNumber) => NationalSignificantNumber = nationalSignificantNumber;

    /// <summary>The 9 digits after +84, e.g. <c>912345678</c>.</summary>
    public string NationalSignificantNumber { get; }

    /// <summary>E.164 form, e.g. <c>+84912345678</c>.</summary>
    public string E164 => "+" + CountryCode + NationalSignificantNumber;

    /// <summary>Parses <paramref name="input"/> or throws <see cref="InvalidPhoneNumberException"/>.</summary>
    public static PhoneNumber Parse(string? input) =>
        TryParse(input, out var number) ? number : throw new InvalidPhoneNumberException();

    public static bool TryParse(string? input, [NotNullWhen(true)] out PhoneNumber? number)
    {
        number = null;
        if (string.IsNullOrWhiteSpace(input))
        {
            return false;
        }

        var trimmed = input.Trim();
        var plus = trimmed.StartsWith('+');
        var digits = new System.Text.StringBuilder(trimmed.Length);
        foreach (var c in plus ? trimmed.AsSpan(1) : trimmed.AsSpan())
        {
            if (c is >= '0' and <= '9')
            {
                digits.Append(c);
            }
            else if (c is not (' ' or '.' or '-' or '(' or ')'))
            {
                return false;
            }
        }

        var all = digits.ToString();
        string? nsn = null;
        if (plus)
        {
            nsn = all.StartsWith(CountryCode, StringComparison.Ordinal) ? all[CountryCode.Length..] : null;
        }
        else if (all.StartsWith("00" + CountryCode, StringComparison.Ordinal))
        {
            nsn = all[(CountryCode.Length + 2)..];
        }
        else if (all.Length == NationalSignificantLength + 1 && all[0] == '0')
        {
            nsn = all[1..];
        }
        else if (all.Length == NationalSignificantLength + CountryCode.Length && all.StartsWith(CountryCode, StringComparison.Ordinal))
        {
            nsn = all[CountryCode.Length..];
        }

        if (nsn is null || nsn.Length != NationalSignificantLength || nsn[0] is not ('3' or '5' or '7' or '8' or '9'))
        {
            return false;
        }

        number = new PhoneNumber(nsn);
        return true;
    }

    /// <summary>The form Zalo ZNS wants: country code without plus, e.g. <c>84912345678</c>.</summary>
    public string ToZnsFormat() => CountryCode + NationalSignificantNumber;

    /// <summary>
    /// For views that may not see the whole number: first two and last three digits only,
    /// e.g. <c>+84 91* *** 678</c>.
    /// </summary>
    public string Masked() =>
        $"+{CountryCode} {NationalSignificantNumber[..2]}* *** {NationalSignificantNumber[^3..]}";

    public override string ToString() => E164;
}
