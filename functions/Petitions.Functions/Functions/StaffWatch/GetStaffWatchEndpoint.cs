using Microsoft.Azure.Functions.Worker;
using Petitions.Core.UseCases.Staff;
using Petitions.Functions.App;
using Petitions.Functions.App.Http;

namespace Petitions.Functions.Functions.StaffWatch;

/// <summary>
/// <c>GET /api/staff/watch</c>: the watch from above — per unit below the reader, the at-risk cases and the counts;
/// 403 for anyone with no unit below them (docs/access.md).
/// </summary>
public sealed class GetStaffWatchEndpoint(GetWatch.Handler handler)
{
    public const string Name = "GetStaffWatch";

    [Function(Name)]
    [FunctionAccess(Audience.Staff, NeedsStorage = true)]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/staff/watch")] HttpRequest req, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(req);
        return UseCaseResults.From(req.HttpContext, await handler.HandleAsync(new(req.Staff()), cancellationToken).ConfigureAwait(false));
    }
}
