using Petitions.Core.Organisation;

namespace Petitions.Functions.Functions.ListUnits;

/// <summary><c>GET /api/units</c>: the units a citizen can file with.</summary>
internal static class ListUnitsEndpoint
{
    public const string Name = "ListUnits";

    public static IEndpointConventionBuilder Map(IEndpointRouteBuilder endpoints) => endpoints.MapGet("api/units", Handle);

    public static IResult Handle(HttpContext http, OrganisationChart chart)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(chart);
        http.Response.Headers.CacheControl = "public, max-age=300";
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
