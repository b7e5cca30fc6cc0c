using Petitions.Core.Reception;
using Petitions.Core.UseCases.Common;

namespace Petitions.Core.UseCases.Reception;

/// <summary>
/// Field errors of the reception use cases, in the API's one form (<see cref="FieldError"/>: field, stable code,
/// English and Vietnamese message), so the pages show the server's reason in the reader's language.
/// </summary>
public static class ReceptionFieldErrors
{
    /// <summary>Adds an error.</summary>
    public static void Add(this List<FieldError> errors, string field, string code, string message, string messageVi)
    {
        ArgumentNullException.ThrowIfNull(errors);
        errors.Add(new FieldError(field, code, message, messageVi));
    }

    /// <summary>Whether a field, or a field under it (<c>citizen.</c>…), has an error.</summary>
    public static bool Has(this List<FieldError> errors, string field)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return errors.Exists(e => e.Field == field || e.Field.StartsWith(field + ".", StringComparison.Ordinal));
    }

    /// <summary>Why a session takes no booking or walk-in now (<see cref="SessionBook.Closed"/>), as a <c>sessionId</c> error; null when it does.</summary>
    public static FieldError? SessionRefusal(ReceptionOccurrence session, DateTimeOffset now, bool walkIn) =>
        SessionBook.Closed(session, now, walkIn) is { } closed ? new("sessionId", closed.Code, closed.Message, closed.MessageVi) : null;

    /// <summary>A refusal from the booking store that the checks above did not foresee (kept in English, as the store gives it).</summary>
    public static FieldError StoreRefusal(string problem) =>
        new("sessionId", "session.refused", problem, "Không đặt được lịch cho buổi tiếp này: " + problem);
}
