using Microsoft.AspNetCore.Mvc;
using Petitions.Core.Organisation;
using Petitions.Functions.App;
using Petitions.Functions.App.Security;

namespace Petitions.Functions.Functions.DevLogin;

/// <summary>
/// <c>POST /dev/login { staffId }</c>: Development only (404 elsewhere, and when <c>Auth:Mode</c> is not Development).
/// Starts a session for a member of the organisation data.
/// </summary>
internal static class DevLoginEndpoint
{
    public const string Name = "DevLogin";

    public static IEndpointConventionBuilder Map(IEndpointRouteBuilder endpoints) => endpoints.MapPost("dev/login", Handle);

    public static IResult Handle(HttpContext http, [FromBody] LoginBody? body, IHostEnvironment environment, StaffAuthenticator auth, OrganisationChart chart)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(auth);
        ArgumentNullException.ThrowIfNull(chart);
        if (!environment.IsDevelopment() || auth.Mode != AuthModes.Development)
        {
            return DevOnly.NotFound();
        }

        if (chart.FindStaff(body?.StaffId) is not { } member)
        {
            return UseCaseResults.Problem(400, "staffId.unknown", "No member of staff has this id.",
                [new("staffId", "staffId.unknown", "No member of staff has this id.", "Không có cán bộ với mã này.")]);
        }

        auth.SignIn(http, member);
        return TypedResults.Ok(new { staffId = member.Id, name = member.Name, unitId = member.UnitId });
    }

    internal sealed record LoginBody(string? StaffId = null);
}

/// <summary>The answer of a development route outside Development: the same 404 as a route that does not exist.</summary>
internal static class DevOnly
{
    public static IResult NotFound() => UseCaseResults.Problem(404, "notFound", "Not found.");
}
