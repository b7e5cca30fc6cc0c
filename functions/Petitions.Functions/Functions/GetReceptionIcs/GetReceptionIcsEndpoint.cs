using Microsoft.Azure.Functions.Worker;
using Petitions.Functions.App.Http;
using Petitions.Core.Reception;
using Petitions.Core.UseCases.Reception;
using Petitions.Functions.Functions.Reception;

namespace Petitions.Functions.Functions.GetReceptionIcs;

/// <summary><c>GET /api/reception/{unitId}.ics</c>: the unit's sessions (30 days back, 180 ahead) as an RFC 5545 calendar.</summary>
public sealed class GetReceptionIcsEndpoint(ReceptionCalendar calendar, TimeProvider time)
{
    public const string Name = "GetReceptionIcs";

    public const int DaysBack = 30;

    public const int DaysAhead = 180;

    [Function(Name)]
    [FunctionAccess(Audience.Public)]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/reception/{unitId}.ics")] HttpRequest req,
        string unitId,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(req);
        var directory = calendar.Directory;
        if (!directory.HasUnit(unitId))
        {
            return ReceptionResults.UnknownUnit(unitId);
        }

        var today = ReceptionResults.Today(time);
        var sessions = await calendar.SessionsAsync(unitId, today.AddDays(-DaysBack), today.AddDays(DaysAhead), cancellationToken).ConfigureAwait(false);
        var body = new ReceptionIcsWriter(directory.Chart).Write(unitId, sessions, time.GetUtcNow());
        return Results.Text(body, "text/calendar; charset=utf-8", System.Text.Encoding.UTF8);
    }
}
