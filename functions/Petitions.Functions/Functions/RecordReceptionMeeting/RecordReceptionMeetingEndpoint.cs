using Microsoft.AspNetCore.Mvc;
using Petitions.Functions.App.Security;
using Petitions.Functions.Functions.Reception;

namespace Petitions.Functions.Functions.RecordReceptionMeeting;

/// <summary>
/// <c>POST /api/reception/sessions/{sessionId}/meetings</c> (staff)
/// <c>{"trackingCode","attendees":[…],"raised","direction","followUpDate"?}</c> → 201; the record is an event on the case.
/// </summary>
internal static class RecordReceptionMeetingEndpoint
{
    public const string Name = "RecordReceptionMeeting";

    public static IEndpointConventionBuilder Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("api/reception/sessions/{sessionId}/meetings", HandleAsync).WithName(Name);

    public static async Task<IResult> HandleAsync(
        string sessionId,
        HttpContext http,
        [FromBody] MeetingBody body,
        [FromServices] StaffAuthenticator staff,
        [FromServices] Core.UseCases.Reception.RecordReceptionMeeting.Handler handler,
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
            who, new(sessionId, body?.TrackingCode, body?.Attendees, body?.Raised, body?.Direction, body?.FollowUpDate), cancellationToken).ConfigureAwait(false);
        return ReceptionResults.From(result, value => TypedResults.Created((string?)null, value));
    }

    internal sealed record MeetingBody(string? TrackingCode, IReadOnlyList<string>? Attendees, string? Raised, string? Direction, DateOnly? FollowUpDate);
}
