using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using Petitions.Core.Organisation;
using Petitions.Functions.App.Http;

namespace Petitions.Functions.Functions.DevStaff;

/// <summary><c>GET /dev/staff</c>: Development only. The demo users, for the sign-in page.</summary>
public sealed class DevStaffEndpoint(OrganisationChart chart)
{
    public const string Name = "DevStaff";

    [Function(Name)]
    [FunctionAccess(Audience.Development)]
    public IResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "dev/staff")] HttpRequest req)
    {
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
