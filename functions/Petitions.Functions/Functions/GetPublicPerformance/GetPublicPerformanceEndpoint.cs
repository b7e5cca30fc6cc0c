using Microsoft.Azure.Functions.Worker;
using Petitions.Functions.App.Http;

namespace Petitions.Functions.Functions.GetPublicPerformance;

/// <summary>
/// <c>GET /api/public/performance</c> (anonymous): per unit, the last 12 months' letters received and resolved and the
/// on-time rate. Counts only; cached by clients and proxies for five minutes.
/// </summary>
public sealed class GetPublicPerformanceEndpoint(Core.UseCases.Reports.GetPublicPerformance.Handler handler)
{
    public const string Name = "GetPublicPerformance";

    [Function(Name)]
    [FunctionAccess(Audience.Public, NeedsStorage = true)]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/public/performance")] HttpRequest req, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(req);
        req.HttpContext.Response.Headers.CacheControl = "public, max-age=300";
        return TypedResults.Ok(await handler.HandleAsync(cancellationToken).ConfigureAwait(false));
    }
}
