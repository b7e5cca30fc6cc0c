using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using Petitions.Core.Organisation;
using Petitions.Functions.App.Http;

namespace Petitions.Functions.Functions.StaffMe;

/// <summary><c>GET /api/staff/me</c>: <c>{ staffId, name, unitId, unitName, role, title }</c>, or 401.</summary>
public sealed class StaffMeEndpoint(OrganisationChart chart)
{
    public const string Name = "StaffMe";

    [Function(Name)]
    [FunctionAccess(Audience.Staff, NeedsStorage = true)]
    public IResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/staff/me")] HttpRequest req)
    {
        ArgumentNullException.ThrowIfNull(req);
        var member = chart.FindStaff(req.Staff().StaffId)!;
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
