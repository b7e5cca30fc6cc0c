using Microsoft.Azure.Functions.Worker;
using Petitions.Core.Organisation;
using Petitions.Functions.App.Http;

namespace Petitions.Functions.Functions.ListUnits;

/// <summary><c>GET /api/units</c>: the units a citizen can file with.</summary>
public sealed class ListUnitsEndpoint(OrganisationChart chart)
{
    public const string Name = "ListUnits";

    [Function(Name)]
    [FunctionAccess(Audience.Public)]
    public IResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/units")] HttpRequest req)
    {
        ArgumentNullException.ThrowIfNull(req);
        req.HttpContext.Response.Headers.CacheControl = "public, max-age=300";
        return TypedResults.Ok(chart.FilingUnits.Select(u => new
        {
            id = u.Id,
            name = u.Name,
            nameEn = u.NameEn,
            level = System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(u.Level.ToString()),
            parentId = u.ParentId,
            remoteArea = u.RemoteArea,
        }));
    }
}
