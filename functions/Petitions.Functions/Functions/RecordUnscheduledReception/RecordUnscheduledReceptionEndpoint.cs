using Microsoft.Azure.Functions.Worker;
using Petitions.Functions.App.Http;
using Petitions.Core.Reception;
using Petitions.Functions.Functions.Reception;

namespace Petitions.Functions.Functions.RecordUnscheduledReception;

/// <summary>
/// <c>POST /api/reception/units/{unitId}/unscheduled</c> (staff of the unit who handle cases)
/// <c>{"date":"YYYY-MM-DD","start":"HH:mm","end":"HH:mm","place","ground":"complex|urgent","note"?}</c> → 201 with the
/// session as listed (kind <c>unscheduled</c>); 409 when one is recorded at that day and start.
/// </summary>
public sealed class RecordUnscheduledReceptionEndpoint(Core.UseCases.Reception.RecordUnscheduledReception.Handler handler, Core.UseCases.Reception.ReceptionCalendar calendar)
{
    public const string Name = "RecordUnscheduledReception";

    [Function(Name)]
    [FunctionAccess(Audience.Staff)]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/reception/units/{unitId}/unscheduled")] HttpRequest req,
        string unitId,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(req);
        var body = await req.ReadJsonAsync<UnscheduledBody>(cancellationToken).ConfigureAwait(false);
        var result = await handler.HandleAsync(
            req.Staff(), new(unitId, body?.Date, body?.Start, body?.End, body?.Place, body?.Ground, body?.Note), cancellationToken).ConfigureAwait(false);
        return ReceptionResults.From(result, value =>
        {
            var session = (ReceptionOccurrence)value;
            var view = ReceptionSessionView.From(session, calendar.Directory.Chart, 0);
            return Results.Text(ReceptionSessionView.Serialize(view), "application/json; charset=utf-8", System.Text.Encoding.UTF8, StatusCodes.Status201Created);
        });
    }

    internal sealed record UnscheduledBody(string? Date, string? Start, string? End, string? Place, string? Ground, string? Note);
}
