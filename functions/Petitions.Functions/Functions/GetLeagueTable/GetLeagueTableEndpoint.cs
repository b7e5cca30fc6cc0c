using Microsoft.Azure.Functions.Worker;
using Petitions.Functions.App;
using Petitions.Functions.App.Http;

namespace Petitions.Functions.Functions.GetLeagueTable;

/// <summary><c>GET /api/reports/league?month=YYYY-MM</c>: the monthly league table of units, their heads named.</summary>
public sealed class GetLeagueTableEndpoint(Core.UseCases.Reports.GetLeagueTable.Handler handler)
{
    public const string Name = "GetLeagueTable";

    [Function(Name)]
    [FunctionAccess(Audience.Staff, NeedsStorage = true)]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/reports/league")] HttpRequest req, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(req);
        req.HttpContext.Response.Headers.CacheControl = "no-store";
        var month = req.Query["month"].ToString();
        return UseCaseResults.From(req.HttpContext, await handler.HandleAsync(new(req.Staff(), month.Length > 0 ? month : null), cancellationToken).ConfigureAwait(false));
    }
}
