using Microsoft.Azure.Functions.Worker;
using Petitions.Functions.App.Http;
using Petitions.Core.UseCases.Reception;
using Petitions.Functions.Functions.Reception;

namespace Petitions.Functions.Functions.CancelReceptionSession;

/// <summary>
/// <c>POST /api/reception/sessions/{sessionId}/cancel</c> (the unit's head or deputy) <c>{"reason"}</c> → 200
/// <c>{sessionId, status:"cancelled", reason, bookingsNotified, alreadyCancelled}</c>; 409 when it has started or was
/// cancelled by the calendar; a repeat answers 200 with the first reason.
/// </summary>
public sealed class CancelReceptionSessionEndpoint(Core.UseCases.Reception.CancelReceptionSession.Handler handler)
{
    public const string Name = "CancelReceptionSession";

    [Function(Name)]
    [FunctionAccess(Audience.Staff)]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/reception/sessions/{sessionId}/cancel")] HttpRequest req,
        string sessionId,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(req);
        var body = await req.ReadJsonAsync<CancelBody>(cancellationToken).ConfigureAwait(false);
        var result = await handler.HandleAsync(req.Staff(), new(sessionId, body?.Reason), cancellationToken).ConfigureAwait(false);
        return ReceptionResults.From(result, value =>
        {
            var done = (Core.UseCases.Reception.CancelReceptionSession.Cancelled)value;
            return TypedResults.Ok(new
            {
                sessionId = done.SessionId,
                status = "cancelled",
                reason = done.Reason,
                bookingsNotified = done.BookingsNotified,
                alreadyCancelled = done.AlreadyCancelled,
            });
        });
    }

    internal sealed record CancelBody(string? Reason);
}
