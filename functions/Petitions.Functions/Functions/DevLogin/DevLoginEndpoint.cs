using Microsoft.Azure.Functions.Worker;
using Petitions.Core.Organisation;
using Petitions.Functions.App;
using Petitions.Functions.App.Http;
using Petitions.Functions.App.Security;

namespace Petitions.Functions.Functions.DevLogin;

/// <summary>
/// <c>POST /dev/login { staffId }</c>: Development only (absent elsewhere; 404 when <c>Auth:Mode</c> is not Development).
/// Starts a session for a member of the organisation data.
/// </summary>
public sealed class DevLoginEndpoint(StaffAuthenticator auth, OrganisationChart chart)
{
    public const string Name = "DevLogin";

    [Function(Name)]
    [FunctionAccess(Audience.Development, NeedsStorage = true)]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "dev/login")] HttpRequest req, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(req);
        var body = await req.ReadJsonAsync<LoginBody>(cancellationToken).ConfigureAwait(false);
        if (auth.Mode != AuthSettings.Development)
        {
            return DevOnly.NotFound();
        }

        if (chart.FindStaff(body?.StaffId) is not { } member)
        {
            return UseCaseResults.Problem(400, "staffId.unknown", "No member of staff has this id.",
                [new("staffId", "staffId.unknown", "No member of staff has this id.", "Không có cán bộ với mã này.")]);
        }

        auth.SignIn(req.HttpContext, member);
        return TypedResults.Ok(new { staffId = member.Id, name = member.Name, unitId = member.UnitId });
    }

    internal sealed record LoginBody(string? StaffId = null);
}

/// <summary>The answer of a development route outside Development: the same 404 as a route that does not exist.</summary>
internal static class DevOnly
{
    public static IResult NotFound() => UseCaseResults.Problem(404, "notFound", "Not found.");
}
