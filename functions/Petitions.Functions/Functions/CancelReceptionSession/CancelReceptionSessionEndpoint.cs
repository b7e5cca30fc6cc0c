using Microsoft.AspNetCore.Mvc;
using Petitions.Core.UseCases.Reception;
using Petitions.Functions.App.Security;
using Petitions.Functions.Functions.Reception;

namespace Petitions.Functions.Functions.CancelReceptionSession;

/// <summary>
/// <c>POST /api/reception/sessions/{sessionId}/cancel</c> (the unit's head or deputy) <c>{"reason"}</c> → 200
/// <c>{sessionId, status:"cancelled", reason, bookingsNotified, alreadyCancelled}</c>; 409 when it has started or was
/// cancelled by the calendar; a repeat answers 200 with the first reason.
/// </summary>
internal static class CancelReceptionSessionEndpoint
{
    public const string Name = "CancelReceptionSession";

    public static IEndpointConventionBuilder Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("api/reception/sessions/{sessionId}/cancel", HandleAsync).WithName(Name);

    public static async Task<IResult> HandleAsync(
        string sessionId,
        HttpContext http,
        [FromBody] CancelBody? body,
        [FromServices] StaffAuthenticator staff,
        [FromServices] Core.UseCases.Reception.CancelReceptionSession.Handler handler,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(staff);
        ArgumentNullException.ThrowIfNull(handler);
        var (who, failure) = staff.Authenticate(http);
        if (who is null)
        {
            return failure!;
        }

        var result = await handler.HandleAsync(who, new(sessionId, body?.Reason), cancellationToken).ConfigureAwait(false);
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
