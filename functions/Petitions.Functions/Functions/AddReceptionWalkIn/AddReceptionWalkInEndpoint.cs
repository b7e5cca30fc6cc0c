using Microsoft.AspNetCore.Mvc;
using Petitions.Core.Reception;
using Petitions.Core.UseCases.Reception;
using Petitions.Functions.App.Security;
using Petitions.Functions.Functions.Reception;

namespace Petitions.Functions.Functions.AddReceptionWalkIn;

/// <summary>
/// <c>POST /api/reception/sessions/{sessionId}/walk-ins</c> (staff) <c>{"citizen":{"name","phone"?},"topic","trackingCode"?,"representatives"?}</c>
/// → 201 with the booking (a place, or none when over capacity).
/// </summary>
internal static class AddReceptionWalkInEndpoint
{
    public const string Name = "AddReceptionWalkIn";

    public static IEndpointConventionBuilder Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("api/reception/sessions/{sessionId}/walk-ins", HandleAsync).WithName(Name);

    public static async Task<IResult> HandleAsync(
        string sessionId,
        HttpContext http,
        [FromBody] WalkInBody body,
        [FromServices] StaffAuthenticator staff,
        [FromServices] Core.UseCases.Reception.AddReceptionWalkIn.Handler handler,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(staff);
        ArgumentNullException.ThrowIfNull(handler);
        var (who, failure) = staff.Authenticate(http);
        if (who is null)
        {
            return failure!;
        }

        var result = await handler.HandleAsync(
            who, new(sessionId, body?.Citizen, body?.Topic, body?.TrackingCode, body?.Representatives), cancellationToken).ConfigureAwait(false);
        return ReceptionResults.From(result, value =>
        {
            var booking = (ReceptionBooking)value;
            return TypedResults.Created((string?)null, new { bookingCode = booking.Code, sessionId = booking.SessionId, place = booking.PlaceNumber, overCapacity = booking.PlaceNumber is null });
        });
    }

    internal sealed record WalkInBody(
        Core.UseCases.Reception.BookReception.PersonInput? Citizen, string? Topic, string? TrackingCode, IReadOnlyList<Core.UseCases.Reception.BookReception.PersonInput>? Representatives);
}
