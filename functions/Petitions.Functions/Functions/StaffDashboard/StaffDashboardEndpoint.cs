using Petitions.Core.UseCases.Staff;
using Petitions.Functions.App;
using Petitions.Functions.App.Security;

namespace Petitions.Functions.Functions.StaffDashboard;

/// <summary><c>GET /api/staff/dashboard</c>: counts, on-time rate and backlog within the user's units.</summary>
internal static class StaffDashboardEndpoint
{
    public const string Name = "StaffDashboard";

    public static IEndpointConventionBuilder Map(IEndpointRouteBuilder endpoints) => endpoints.MapGet("api/staff/dashboard", HandleAsync);

    public static async Task<IResult> HandleAsync(HttpContext http, StaffAuthenticator auth, GetDashboard.Handler handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(auth);
        ArgumentNullException.ThrowIfNull(handler);
        http.Response.Headers.CacheControl = "no-store";
        var (who, failure) = auth.Authenticate(http);
        if (who is null)
        {
            return failure!;
        }

        return UseCaseResults.From(http, await handler.HandleAsync(new(who), cancellationToken).ConfigureAwait(false));
    }
}
