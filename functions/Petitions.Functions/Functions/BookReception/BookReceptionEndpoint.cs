using System.Globalization;
using System.Text.Json.Serialization;
using Microsoft.Azure.Functions.Worker;
using Petitions.Functions.App.Http;
using Petitions.Core.UseCases.Reception;
using Petitions.Functions.Functions.Reception;

namespace Petitions.Functions.Functions.BookReception;

/// <summary>
/// <c>POST /api/reception/bookings</c> <c>{"sessionId","citizen":{"name","phone"},"topic","trackingCode"?,"channel"?,"representatives"?}</c>
/// → 201 with the booking code; 409 problem when the session is full; 400 problem with field errors.
/// </summary>
public sealed class BookReceptionEndpoint(Core.UseCases.Reception.BookReception.Handler handler, ReceptionNotices notices)
{
    public const string Name = "BookReception";

    [Function(Name)]
    [FunctionAccess(Audience.Public)]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/reception/bookings")] HttpRequest req,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(req);
        var command = await req.ReadJsonAsync<Core.UseCases.Reception.BookReception.Command>(cancellationToken).ConfigureAwait(false)
            ?? throw new BadHttpRequestException("Send the booking as JSON (docs/api.md).");
        var result = await handler.HandleAsync(command, cancellationToken).ConfigureAwait(false);
        return result switch
        {
            Core.UseCases.Reception.BookReception.Result.Booked b => TypedResults.Created(
                (string?)null,
                new Confirmation(
                    b.Booking.Code,
                    b.Session.Id,
                    b.Session.UnitId,
                    b.Booking.PlaceNumber,
                    b.Session.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    (b.Booking.SlotStart ?? b.Session.Start).ToString("HH:mm", CultureInfo.InvariantCulture),
                    b.Session.StartsAt,
                    b.Session.EndsAt,
                    b.Session.Place,
                    b.Booking.Channel.ToString().ToLowerInvariant(),
                    notices.CancelLink(b.Booking.Code))),
            Core.UseCases.Reception.BookReception.Result.Full f => ReceptionResults.Problem(
                StatusCodes.Status409Conflict, "Session full", $"Every place of session {f.SessionId} is taken; choose another session."),
            Core.UseCases.Reception.BookReception.Result.Invalid i => ReceptionResults.Invalid(i.Errors),
            _ => throw new InvalidOperationException("Unknown result."),
        };
    }

    internal sealed record Confirmation(
        [property: JsonPropertyName("bookingCode")] string BookingCode,
        [property: JsonPropertyName("sessionId")] string SessionId,
        [property: JsonPropertyName("unitId")] string UnitId,
        [property: JsonPropertyName("place")] int? Place,
        [property: JsonPropertyName("date")] string Date,
        [property: JsonPropertyName("time")] string Time,
        [property: JsonPropertyName("start")] DateTimeOffset Start,
        [property: JsonPropertyName("end")] DateTimeOffset End,
        [property: JsonPropertyName("location")] string Location,
        [property: JsonPropertyName("channel")] string Channel,
        [property: JsonPropertyName("cancelLink")] string CancelLink);
}
