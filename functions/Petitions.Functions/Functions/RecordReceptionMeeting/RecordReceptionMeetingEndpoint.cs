using Microsoft.Azure.Functions.Worker;
using Petitions.Functions.App.Http;
using Petitions.Functions.Functions.Reception;

namespace Petitions.Functions.Functions.RecordReceptionMeeting;

/// <summary>
/// <c>POST /api/reception/sessions/{sessionId}/meetings</c> (staff)
/// <c>{"trackingCode","attendees":[…],"raised","direction","followUpDate"?}</c> → 201; the record is an event on the case.
/// </summary>
public sealed class RecordReceptionMeetingEndpoint(Core.UseCases.Reception.RecordReceptionMeeting.Handler handler)
{
    public const string Name = "RecordReceptionMeeting";

    [Function(Name)]
    [FunctionAccess(Audience.Staff)]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/reception/sessions/{sessionId}/meetings")] HttpRequest req,
        string sessionId,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(req);
        var body = await req.ReadJsonAsync<MeetingBody>(cancellationToken).ConfigureAwait(false);
        var result = await handler.HandleAsync(
            req.Staff(), new(sessionId, body?.TrackingCode, body?.Attendees, body?.Raised, body?.Direction, body?.FollowUpDate), cancellationToken).ConfigureAwait(false);
        return ReceptionResults.From(result, value => TypedResults.Created((string?)null, value));
    }

    internal sealed record MeetingBody(string? TrackingCode, IReadOnlyList<string>? Attendees, string? Raised, string? Direction, DateOnly? FollowUpDate);
}
