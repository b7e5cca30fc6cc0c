using Microsoft.Azure.Functions.Worker;
using Petitions.Functions.App.Http;
using Petitions.Core.Reception;
using Petitions.Core.UseCases.Reception;
using Petitions.Functions.Functions.Reception;

namespace Petitions.Functions.Functions.AddReceptionWalkIn;

/// <summary>
/// <c>POST /api/reception/sessions/{sessionId}/walk-ins</c> (staff) <c>{"citizen":{"name","phone"?},"topic","trackingCode"?,"representatives"?}</c>
/// → 201 with the booking (a place, or none when over capacity).
/// </summary>
public sealed class AddReceptionWalkInEndpoint(Core.UseCases.Reception.AddReceptionWalkIn.Handler handler)
{
    public const string Name = "AddReceptionWalkIn";

    [Function(Name)]
    [FunctionAccess(Audience.Staff)]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/reception/sessions/{sessionId}/walk-ins")] HttpRequest req,
        string sessionId,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(req);
        var body = await req.ReadJsonAsync<WalkInBody>(cancellationToken).ConfigureAwait(false);
        var result = await handler.HandleAsync(
            req.Staff(), new(sessionId, body?.Citizen, body?.Topic, body?.TrackingCode, body?.Representatives), cancellationToken).ConfigureAwait(false);
        return ReceptionResults.From(result, value =>
        {
            var booking = (ReceptionBooking)value;
            return TypedResults.Created((string?)null, new { bookingCode = booking.Code, sessionId = booking.SessionId, place = booking.PlaceNumber, overCapacity = booking.PlaceNumber is null });
        });
    }

    internal sealed record WalkInBody(
        Core.UseCases.Reception.BookReception.PersonInput? Citizen, string? Topic, string? TrackingCode, IReadOnlyList<Core.UseCases.Reception.BookReception.PersonInput>? Representatives);
}
