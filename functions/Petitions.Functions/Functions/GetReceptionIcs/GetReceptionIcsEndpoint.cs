using Microsoft.AspNetCore.Mvc;
using Petitions.Core.Reception;
using Petitions.Core.UseCases.Reception;
using Petitions.Functions.Functions.Reception;

namespace Petitions.Functions.Functions.GetReceptionIcs;

/// <summary><c>GET /api/reception/{unitId}.ics</c>: the unit's sessions (30 days back, 180 ahead) as an RFC 5545 calendar.</summary>
internal static class GetReceptionIcsEndpoint
{
    public const string Name = "GetReceptionIcs";

    public const int DaysBack = 30;

    public const int DaysAhead = 180;

    public static IEndpointConventionBuilder Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("api/reception/{unitId}.ics", Handle).WithName(Name);

    public static IResult Handle(string unitId, [FromServices] ReceptionDirectory directory, [FromServices] TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (!directory.HasUnit(unitId))
        {
            return ReceptionResults.UnknownUnit(unitId);
        }

        var today = ReceptionResults.Today(time);
        var sessions = directory.Sessions(unitId, today.AddDays(-DaysBack), today.AddDays(DaysAhead));
        var body = new ReceptionIcsWriter(directory.Chart).Write(unitId, sessions, time.GetUtcNow());
        return Results.Text(body, "text/calendar; charset=utf-8", System.Text.Encoding.UTF8);
    }
}
