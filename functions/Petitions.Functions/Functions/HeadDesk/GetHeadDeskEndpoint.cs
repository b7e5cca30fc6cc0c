using System.Globalization;
using Microsoft.Azure.Functions.Worker;
using Petitions.Core.UseCases.Common;
using Petitions.Core.UseCases.Staff;
using Petitions.Functions.App;
using Petitions.Functions.App.Http;

namespace Petitions.Functions.Functions.HeadDesk;

/// <summary>
/// <c>GET /api/staff/desk?officer=&amp;kind=&amp;status=&amp;clock=&amp;sort=due|-due&amp;page=&amp;pageSize=</c>: the head's
/// desk (the unit's open cases, the workload per officer); 403 for anyone but the unit's head or a deputy.
/// </summary>
public sealed class GetHeadDeskEndpoint(GetHeadDesk.Handler handler)
{
    public const string Name = "GetHeadDesk";

    [Function(Name)]
    [FunctionAccess(Audience.Staff, NeedsStorage = true)]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/staff/desk")] HttpRequest req, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(req);
        var q = req.Query;
        string? Text(string name) => q[name].ToString() is { Length: > 0 } v ? v : null;
        var errors = new List<FieldError>();
        int? Number(string name)
        {
            if (Text(name) is not { } raw)
            {
                return null;
            }

            if (int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                return parsed;
            }

            errors.Add(new(name, name + ".invalid", $"{name} must be a whole number.", $"{name} phải là số nguyên."));
            return null;
        }

        var query = new GetHeadDesk.Query(req.Staff(), Text("officer"), Text("kind"), Text("status"), Text("clock"), Text("sort"), Number("page"), Number("pageSize"));
        if (errors.Count > 0)
        {
            return UseCaseResults.Problem(req.HttpContext, UseCaseProblem.Invalid(errors));
        }

        return UseCaseResults.From(req.HttpContext, await handler.HandleAsync(query, cancellationToken).ConfigureAwait(false));
    }
}
