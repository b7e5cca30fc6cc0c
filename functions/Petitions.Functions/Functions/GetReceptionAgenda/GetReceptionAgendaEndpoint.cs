using Microsoft.Azure.Functions.Worker;
using Petitions.Functions.App.Http;
using Petitions.Functions.Functions.Reception;

namespace Petitions.Functions.Functions.GetReceptionAgenda;

/// <summary>
/// <c>GET /api/reception/sessions/{sessionId}/agenda</c> (staff of the session's unit): bookings, escalated or overdue
/// cases first with their deadlines.
/// </summary>
public sealed class GetReceptionAgendaEndpoint(Core.UseCases.Reception.GetReceptionAgenda.Handler handler)
{
    public const string Name = "GetReceptionAgenda";

    [Function(Name)]
    [FunctionAccess(Audience.Staff)]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/reception/sessions/{sessionId}/agenda")] HttpRequest req,
        string sessionId,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(req);
        var result = await handler.HandleAsync(req.Staff(), sessionId, cancellationToken).ConfigureAwait(false);
        return ReceptionResults.From(result, value => TypedResults.Ok(value));
    }
}
