using Microsoft.AspNetCore.Mvc;
using Petitions.Functions.Runtime;

namespace Petitions.Functions.Functions.CancelReceptionBooking;

/// <summary>
/// <c>POST /api/reception/bookings/{bookingCode}/cancel</c> <c>{"phone"}</c>: 204 when cancelled; 404 problem when no live
/// booking has this code and phone (the same answer for both, so codes cannot be probed); 400 for a malformed phone.
/// </summary>
internal static class CancelReceptionBookingEndpoint
{
    public const string Name = "CancelReceptionBooking";

    public static IEndpointConventionBuilder Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("api/reception/bookings/{bookingCode}/cancel", HandleAsync).WithName(Name);

    public static async Task<IResult> HandleAsync(
        string bookingCode,
        [FromBody] CancelBody body,
        [FromServices] Core.UseCases.Reception.CancelReceptionBooking.Handler handler,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var cancelled = await handler.HandleAsync(new(bookingCode, body?.Phone), cancellationToken).ConfigureAwait(false);
        return cancelled
            ? TypedResults.NoContent()
            : ProblemDetailsMapping.Problem(StatusCodes.Status404NotFound, "No such booking", "No booking with this code and phone number is open.");
    }

    internal sealed record CancelBody(string? Phone);
}
