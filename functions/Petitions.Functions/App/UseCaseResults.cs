using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Petitions.Core.UseCases.Common;

namespace Petitions.Functions.App;

/// <summary>
/// The one mapping from a use case's <see cref="UseCaseProblem"/> to RFC 7807 problem+json: status = the kind's value,
/// the stable <c>code</c>, the field <c>errors</c>, and <c>Retry-After</c> on 429. The body goes through the runtime's
/// problem details service (<c>ProblemDetailsMapping</c>), which adds <c>instance</c> and <c>traceId</c>.
/// </summary>
internal static class UseCaseResults
{
    private static readonly Dictionary<int, string> Titles = new()
    {
        [400] = "Invalid input",
        [401] = "Sign-in required",
        [403] = "Forbidden",
        [404] = "Not found",
        [409] = "Conflict",
        [422] = "The case's state does not allow this",
        [429] = "Too many requests",
    };

    public static IResult Problem(HttpContext http, UseCaseProblem problem)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(problem);
        if (problem.RetryAfter is { } retry)
        {
            http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retry.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        return Problem(problem.Status, problem.Code, problem.Detail, problem.Errors);
    }

    public static IResult Problem(int status, string code, string detail, IReadOnlyList<FieldError>? errors = null)
    {
        var details = new ProblemDetails
        {
            Status = status,
            Title = Titles.GetValueOrDefault(status, "Error"),
            Detail = detail,
            Type = $"https://httpstatuses.io/{status}",
        };
        details.Extensions["code"] = code;
        if (errors is { Count: > 0 })
        {
            details.Extensions["errors"] = errors;
        }

        return TypedResults.Problem(details);
    }

    /// <summary>200 with the value, or the problem.</summary>
    public static IResult From<T>(HttpContext http, UseCaseResult<T> result) =>
        result.Succeeded ? TypedResults.Ok(result.Value) : Problem(http, result.Problem!);
}
