using System.Text.Json;
using Petitions.Core.Organisation;
using Petitions.Functions.App.Security;

namespace Petitions.Functions.Functions.StaffMe;

/// <summary><c>GET /api/staff/me</c>: <c>{ staffId, name, unitId, unitName, role, title }</c>, or 401.</summary>
internal static class StaffMeEndpoint
{
    public const string Name = "StaffMe";

    public static IEndpointConventionBuilder Map(IEndpointRouteBuilder endpoints) => endpoints.MapGet("api/staff/me", Handle);

    public static IResult Handle(HttpContext http, StaffAuthenticator auth, OrganisationChart chart)
    {
        ArgumentNullException.ThrowIfNull(auth);
        ArgumentNullException.ThrowIfNull(chart);
        http.Response.Headers.CacheControl = "no-store";
        var (who, failure) = auth.Authenticate(http);
        if (who is null)
        {
            return failure!;
        }

        var member = chart.FindStaff(who.StaffId)!;
        return TypedResults.Ok(new
        {
            staffId = member.Id,
            name = member.Name,
            unitId = member.UnitId,
            unitName = chart.FindUnit(member.UnitId)?.Name,
            role = JsonNamingPolicy.CamelCase.ConvertName(member.Role.ToString()),
            title = member.Title,
        });
    }
}
