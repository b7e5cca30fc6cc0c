using System.Globalization;
using Microsoft.Azure.Functions.Worker;
using Petitions.Core.UseCases;
using Petitions.Core.UseCases.Common;
using Petitions.Functions.App;
using Petitions.Functions.App.Http;

namespace Petitions.Functions.Functions.GetDeadline;

/// <summary>
/// <c>GET /api/deadlines?kind=&amp;step=&amp;start=YYYY-MM-DD[&amp;complex=true][&amp;remote=true][&amp;extensions=N]</c>:
/// 200 <c>{ due, limit, unit, source, explanation[] }</c>, or 400 problem+json with field errors.
/// </summary>
public sealed class GetDeadlineEndpoint(CalculateDeadline.Handler handler)
{
    public const string Name = "GetDeadline";

    [Function(Name)]
    [FunctionAccess(Audience.Public)]
    public IResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/deadlines")] HttpRequest req)
    {
        ArgumentNullException.ThrowIfNull(req);
        var http = req.HttpContext;
        var q = req.Query;
        var errors = new List<FieldError>();
        var complex = Flag(q["complex"], "complex", errors);
        var remote = Flag(q["remote"], "remote", errors);
        var extensions = 0;
        if (q["extensions"].ToString() is { Length: > 0 } raw && !int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out extensions))
        {
            errors.Add(new("extensions", "extensions.invalid", "extensions must be a whole number (0 to 2).", "extensions phải là số nguyên (0 đến 2)."));
        }

        if (errors.Count > 0)
        {
            return UseCaseResults.Problem(http, UseCaseProblem.Invalid(errors));
        }

        var outcome = handler.Handle(new(q["kind"].ToString(), q["step"].ToString(), q["start"].ToString(), complex, remote, extensions));
        if (!outcome.IsValid)
        {
            return UseCaseResults.Problem(http, UseCaseProblem.Invalid([.. outcome.Errors.Select(e => new FieldError(e.Field, e.Code, e.Message, e.MessageVi))]));
        }

        var r = outcome.Value!;
        return TypedResults.Ok(new { due = r.Due, limit = r.Limit, unit = r.Unit, source = r.Source, explanation = r.Explanation });
    }

    private static bool Flag(Microsoft.Extensions.Primitives.StringValues value, string field, List<FieldError> errors)
    {
        var text = value.ToString();
        if (text.Length == 0)
        {
            return false;
        }

        if (bool.TryParse(text, out var flag))
        {
            return flag;
        }

        errors.Add(new(field, field + ".invalid", $"{field} must be true or false.", $"{field} phải là true hoặc false."));
        return false;
    }
}
