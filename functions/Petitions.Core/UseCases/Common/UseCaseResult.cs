namespace Petitions.Core.UseCases.Common;

/// <summary>What went wrong, mapped 1:1 to an HTTP status by the API layer (the enum's value is the status).</summary>
public enum ProblemKind
{
    /// <summary>400: bad input; see <see cref="UseCaseProblem.Errors"/>.</summary>
    Validation = 400,

    /// <summary>403: outside the user's unit or role.</summary>
    Forbidden = 403,

    /// <summary>404: no such case (or a wrong phone: the same answer).</summary>
    NotFound = 404,

    /// <summary>409: the case changed since it was read (stale ETag), code <c>case.changed</c>.</summary>
    Conflict = 409,

    /// <summary>422: the case's state does not allow the action.</summary>
    InvalidTransition = 422,

    /// <summary>429: too many letters from one phone or one client address; see <see cref="UseCaseProblem.RetryAfter"/>.</summary>
    RateLimited = 429,
}

/// <summary>A problem with one field, with a stable code and messages in English and Vietnamese.</summary>
public sealed record FieldError(string Field, string Code, string Message, string MessageVi);

/// <summary>A typed failure of a use case: RFC 7807 material (code = stable machine-readable reason).</summary>
public sealed record UseCaseProblem(ProblemKind Kind, string Code, string Detail, IReadOnlyList<FieldError> Errors, TimeSpan? RetryAfter = null)
{
    /// <summary>The HTTP status.</summary>
    public int Status => (int)Kind;

    /// <summary>Bad input.</summary>
    public static UseCaseProblem Invalid(IReadOnlyList<FieldError> errors) =>
        new(ProblemKind.Validation, "validation", "The request has invalid fields.", errors);

    /// <summary>Unknown case (or wrong phone).</summary>
    public static UseCaseProblem NotFound() => new(ProblemKind.NotFound, "case.notFound", "No such case.", []);

    /// <summary>Stale ETag.</summary>
    public static UseCaseProblem Changed() =>
        new(ProblemKind.Conflict, "case.changed", "The case changed since you read it; reload it and try again.", []);

    /// <summary>Outside the user's unit or role.</summary>
    public static UseCaseProblem Forbidden(string detail) => new(ProblemKind.Forbidden, "forbidden", detail, []);

    /// <summary>The state does not allow the action.</summary>
    public static UseCaseProblem InvalidTransition(string detail) =>
        new(ProblemKind.InvalidTransition, "case.invalidTransition", detail, []);

    /// <summary>Flooding.</summary>
    public static UseCaseProblem TooMany(TimeSpan retryAfter) =>
        new(ProblemKind.RateLimited, "intake.rateLimited", "Too many letters in a short time; try again later.", [], retryAfter);
}

/// <summary>Either a value or a problem.</summary>
/// <param name="Value">The value, when it succeeded.</param>
/// <param name="Problem">The problem, when it failed.</param>
public sealed record UseCaseResult<T>(T? Value, UseCaseProblem? Problem)
{
    /// <summary>True when there is a value.</summary>
    public bool Succeeded => Problem is null;
}

/// <summary>Builds results.</summary>
public static class UseCaseResult
{
    /// <summary>A success.</summary>
    public static UseCaseResult<T> Ok<T>(T value) => new(value, null);

    /// <summary>A failure.</summary>
    public static UseCaseResult<T> Fail<T>(UseCaseProblem problem) => new(default, problem ?? throw new ArgumentNullException(nameof(problem)));
}
