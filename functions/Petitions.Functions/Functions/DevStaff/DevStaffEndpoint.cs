using System.Text.Json;
using Petitions.Core.Organisation;
using Petitions.Functions.Functions.DevLogin;

namespace Petitions.Functions.Functions.DevStaff;

/// <summary><c>GET /dev/staff</c>: Development only. The demo users, for the sign-in page.</summary>
internal static class DevStaffEndpoint
{
    public const string Name = "DevStaff";

    public static IEndpointConventionBuilder Map(IEndpointRouteBuilder endpoints) => endpoints.MapGet("dev/staff", Handle);

    public static IResult Handle(IHostEnvironment environment, OrganisationChart chart)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(chart);
        if (!environment.IsDevelopment())
        {
            return DevOnly.NotFound();
        }

        return TypedResults.Ok(chart.Staff.Select(s => new
        {
            staffId = s.Id,
            name = s.Name,
            unitId = s.UnitId,
            unitName = chart.FindUnit(s.UnitId)?.Name,
            role = JsonNamingPolicy.CamelCase.ConvertName(s.Role.ToString()),
            title = s.Title,
        }));
    }
}
