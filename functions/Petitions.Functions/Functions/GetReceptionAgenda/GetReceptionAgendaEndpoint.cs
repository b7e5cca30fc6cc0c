using Microsoft.AspNetCore.Mvc;
using Petitions.Functions.App.Security;
using Petitions.Functions.Functions.Reception;

namespace Petitions.Functions.Functions.GetReceptionAgenda;

/// <summary>
/// <c>GET /api/reception/sessions/{sessionId}/agenda</c> (staff of the session's unit): bookings, escalated or overdue
/// cases first with their deadlines.
/// </summary>
internal static class GetReceptionAgendaEndpoint
{
    public const string Name = "GetReceptionAgenda";

    public static IEndpointConventionBuilder Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("api/reception/sessions/{sessionId}/agenda", HandleAsync).WithName(Name);

    public static async Task<IResult> HandleAsync(
        string sessionId,
        HttpContext http,
        [FromServices] StaffAuthenticator staff,
        [FromServices] Core.UseCases.Reception.GetReceptionAgenda.Handler handler,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(staff);
        ArgumentNullException.ThrowIfNull(handler);
        var (who, failure) = staff.Authenticate(http);
        if (who is null)
        {
            return failure!;
        }

        var result = await handler.HandleAsync(who, sessionId, cancellationToken).ConfigureAwait(false);
        return ReceptionResults.From(result, value => TypedResults.Ok(value));
    }
}
