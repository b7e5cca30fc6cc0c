using Microsoft.Azure.Functions.Worker;
using Petitions.Functions.App.Http;

namespace Petitions.Functions.Functions.CancelReceptionBooking;

/// <summary>
/// <c>POST /api/reception/bookings/{bookingCode}/cancel</c> <c>{"phone"}</c>: 204 when cancelled; 404 problem when no live
/// booking has this code and phone (the same answer for both, so codes cannot be probed); 400 for a malformed phone.
/// </summary>
public sealed class CancelReceptionBookingEndpoint(Core.UseCases.Reception.CancelReceptionBooking.Handler handler)
{
    public const string Name = "CancelReceptionBooking";

    [Function(Name)]
    [FunctionAccess(Audience.Public)]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/reception/bookings/{bookingCode}/cancel")] HttpRequest req,
        string bookingCode,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(req);
        var body = await req.ReadJsonAsync<CancelBody>(cancellationToken).ConfigureAwait(false);
        var cancelled = await handler.HandleAsync(new(bookingCode, body?.Phone), cancellationToken).ConfigureAwait(false);
        return cancelled
            ? TypedResults.NoContent()
            : Reception.ReceptionResults.Problem(StatusCodes.Status404NotFound, "No such booking", "No booking with this code and phone number is open.");
    }

    internal sealed record CancelBody(string? Phone);
}
