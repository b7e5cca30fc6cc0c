using Microsoft.Azure.Functions.Worker;
using Petitions.Core.UseCases.Reports;
using Petitions.Functions.App.Http;

namespace Petitions.Functions.Functions.DevRebuildReports;

/// <summary>
/// <c>POST /dev/reports/rebuild</c>: Development only (<c>tools/rebuild-reports.sh</c>). Clears the reporting store and
/// projects every case again from its events (docs/reports.md).
/// </summary>
public sealed class DevRebuildReportsEndpoint(RebuildReports.Handler handler)
{
    public const string Name = "DevRebuildReports";

    [Function(Name)]
    [FunctionAccess(Audience.Development, NeedsStorage = true)]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "dev/reports/rebuild")] HttpRequest req, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(req);
        var result = await handler.HandleAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new { cases = result.Cases, seconds = Math.Round(result.Took.TotalSeconds, 2) });
    }
}
