using Microsoft.AspNetCore.Mvc;
using Petitions.Core.Reception;
using Petitions.Functions.App.Security;
using Petitions.Functions.Functions.Reception;

namespace Petitions.Functions.Functions.RecordUnscheduledReception;

/// <summary>
/// <c>POST /api/reception/units/{unitId}/unscheduled</c> (staff of the unit who handle cases)
/// <c>{"date":"YYYY-MM-DD","start":"HH:mm","end":"HH:mm","place","ground":"complex|urgent","note"?}</c> → 201 with the
/// session as listed (kind <c>unscheduled</c>); 409 when one is recorded at that day and start.
/// </summary>
internal static class RecordUnscheduledReceptionEndpoint
{
    public const string Name = "RecordUnscheduledReception";

    public static IEndpointConventionBuilder Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("api/reception/units/{unitId}/unscheduled", HandleAsync).WithName(Name);

    public static async Task<IResult> HandleAsync(
        string unitId,
        HttpContext http,
        [FromBody] UnscheduledBody? body,
        [FromServices] StaffAuthenticator staff,
        [FromServices] Core.UseCases.Reception.RecordUnscheduledReception.Handler handler,
        [FromServices] Core.UseCases.Reception.ReceptionCalendar calendar,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(staff);
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(calendar);
        var (who, failure) = staff.Authenticate(http);
        if (who is null)
        {
            return failure!;
        }

        var result = await handler.HandleAsync(
            who, new(unitId, body?.Date, body?.Start, body?.End, body?.Place, body?.Ground, body?.Note), cancellationToken).ConfigureAwait(false);
        return ReceptionResults.From(result, value =>
        {
            var session = (ReceptionOccurrence)value;
            var view = ReceptionSessionView.From(session, calendar.Directory.Chart, 0);
            return Results.Text(ReceptionSessionView.Serialize(view), "application/json; charset=utf-8", System.Text.Encoding.UTF8, StatusCodes.Status201Created);
        });
    }

    internal sealed record UnscheduledBody(string? Date, string? Start, string? End, string? Place, string? Ground, string? Note);
}
