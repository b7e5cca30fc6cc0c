using Microsoft.Azure.Functions.Worker;
using Petitions.Functions.App;
using Petitions.Functions.App.Http;

namespace Petitions.Functions.Functions.ListReportCases;

/// <summary><c>GET /api/reports/units/cases?from=&amp;to=&amp;unitId=&amp;figure=[&amp;kind=]</c>: the cases behind a figure of the unit report.</summary>
public sealed class ListReportCasesEndpoint(Core.UseCases.Reports.ListReportCases.Handler handler)
{
    public const string Name = "ListReportCases";

    [Function(Name)]
    [FunctionAccess(Audience.Staff, NeedsStorage = true)]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/reports/units/cases")] HttpRequest req, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(req);
        var q = req.Query;
        req.HttpContext.Response.Headers.CacheControl = "no-store";
        var result = await handler.HandleAsync(
            new(req.Staff(), Text(q["from"]), Text(q["to"]), Text(q["unitId"]), Text(q["figure"]), Text(q["kind"])), cancellationToken).ConfigureAwait(false);
        return UseCaseResults.From(req.HttpContext, result);
    }

    private static string? Text(Microsoft.Extensions.Primitives.StringValues value) => value.ToString() is { Length: > 0 } s ? s : null;
}
