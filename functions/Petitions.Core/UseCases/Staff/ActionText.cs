using Petitions.Core.UseCases.Common;

namespace Petitions.Core.UseCases.Staff;

/// <summary>Checks the free-text fields of staff actions.</summary>
internal static class ActionText
{
    public const int MaxReason = 2000;

    /// <summary>The trimmed text, or null with an error added.</summary>
    public static string? Required(string? value, string field, List<FieldError> errors, int max = MaxReason)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new(field, field + ".required", $"Fill in {field}.", $"Cần ghi {field}."));
            return null;
        }

        var text = value.Trim();
        if (text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
        {
            errors.Add(new(field, "text.controlCharacters", $"{field} contains control characters.", $"{field} chứa ký tự điều khiển không hợp lệ."));
            return null;
        }

        if (text.Length > max)
        {
            errors.Add(new(field, field + ".tooLong", $"{field} is longer than {max} characters.", $"{field} dài quá {max} ký tự."));
            return null;
        }

        return text;
    }

    public static UseCaseResult<CaseDetail> Invalid(List<FieldError> errors) => UseCaseResult.Fail<CaseDetail>(UseCaseProblem.Invalid(errors));
}
