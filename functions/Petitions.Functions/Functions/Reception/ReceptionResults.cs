using Petitions.Core.UseCases.Common;
using Petitions.Core.UseCases.Reception;

namespace Petitions.Functions.Functions.Reception;

/// <summary>The HTTP answers shared by the reception endpoints (problem+json for every error).</summary>
internal static class ReceptionResults
{
    /// <summary>400 with the field errors in the API's one form (field, code, message, messageVi).</summary>
    public static IResult Invalid(IReadOnlyList<FieldError> errors) =>
        App.UseCaseResults.Problem(StatusCodes.Status400BadRequest, "validation", "The request has invalid fields.", errors);

    public static IResult UnknownUnit(string unitId) =>
        Problem(StatusCodes.Status404NotFound, "Unknown unit", $"No unit '{unitId}'.");

    public static IResult From(StaffReceptionResult result, Func<object, IResult> done) => result switch
    {
        StaffReceptionResult.Done d => done(d.Value),
        StaffReceptionResult.NotFound n => Problem(StatusCodes.Status404NotFound, "Not found", $"No such {n.What}."),
        StaffReceptionResult.Forbidden f => Problem(StatusCodes.Status403Forbidden, "Forbidden", f.Why),
        StaffReceptionResult.Invalid i => Invalid(i.Errors),
        StaffReceptionResult.Conflict c => Problem(StatusCodes.Status409Conflict, "Conflict", c.Why),
        _ => throw new InvalidOperationException("Unknown result."),
    };

    /// <summary>A problem+json answer with the <c>type</c> scheme of the whole app.</summary>
    public static IResult Problem(int status, string title, string? detail = null) =>
        TypedResults.Problem(detail, statusCode: status, title: title, type: $"https://httpstatuses.io/{status}");

    /// <summary>Reads a yyyy-MM-dd query value, or the default.</summary>
    public static DateOnly? Date(string? value, string field, List<FieldError> errors, DateOnly fallback)
    {
        if (string.IsNullOrEmpty(value))
        {
            return fallback;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add(new FieldError(field, "date.invalid", "Use the form YYYY-MM-DD.", "Ngày theo dạng YYYY-MM-DD."));
        return null;
    }

    /// <summary>Today in Asia/Ho_Chi_Minh.</summary>
    public static DateOnly Today(TimeProvider time) =>
        DateOnly.FromDateTime(time.GetUtcNow().ToOffset(Core.Reception.ReceptionOccurrence.VietnamOffset).DateTime);
}
