using Microsoft.Azure.Functions.Worker;
using Petitions.Core.UseCases.Staff;
using Petitions.Functions.App;
using Petitions.Functions.App.Http;

namespace Petitions.Functions.Functions.StaffDashboard;

/// <summary><c>GET /api/staff/dashboard</c>: counts, on-time rate and backlog within the user's units.</summary>
public sealed class StaffDashboardEndpoint(GetDashboard.Handler handler)
{
    public const string Name = "StaffDashboard";

    [Function(Name)]
    [FunctionAccess(Audience.Staff, NeedsStorage = true)]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/staff/dashboard")] HttpRequest req, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(req);
        return UseCaseResults.From(req.HttpContext, await handler.HandleAsync(new(req.Staff()), cancellationToken).ConfigureAwait(false));
    }
}
