namespace Petitions.Core.UseCases.Intake;

/// <summary>
/// Normalises a Vietnamese phone number to E.164 (+84…): accepts 0…, 84… and +84… with spaces, dots, dashes or
/// brackets. Mobile numbers have 9 digits after the country code and start with 3, 5, 7, 8 or 9; landlines have 10
/// and start with 2 (Thông tư 22/2014/TT-BTTTT numbering plan as revised in 2018).
/// </summary>
internal static class VietnamesePhone
{
    public static string? Normalise(string? input)
    {
        if (string.IsNullOrWhiteSpace(input) || input.Length > 32)
        {
            return null;
        }

        var digits = new System.Text.StringBuilder(16);
        var plus = false;
        foreach (var ch in input.Trim())
        {
            if (ch is >= '0' and <= '9')
            {
                digits.Append(ch);
            }
            else if (ch == '+' && digits.Length == 0 && !plus)
            {
                plus = true;
            }
            else if (ch is not (' ' or '.' or '-' or '(' or ')'))
            {
                return null;
            }
        }

        var number = digits.ToString();
        string national;
        if (plus || (number.StartsWith("84", StringComparison.Ordinal) && number.Length >= 11))
        {
            if (!number.StartsWith("84", StringComparison.Ordinal))
            {
                return null;
            }

            national = number[2..];
            if (national.StartsWith('0'))
            {
                national = national[1..];
            }
        }
        else if (number.StartsWith('0'))
        {
            national = number[1..];
        }
        else
        {
            return null;
        }

        var valid = (national.Length == 9 && national[0] is '3' or '5' or '7' or '8' or '9')
            || (national.Length == 10 && national[0] == '2');
        return valid ? "+84" + national : null;
    }
}
