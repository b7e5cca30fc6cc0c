using System.Text.Json.Serialization;
using Microsoft.Azure.Functions.Worker;
using Petitions.Functions.App.Http;
using Petitions.Infrastructure.Notifications.Sms;

namespace Petitions.Functions.Functions.GetDevOutbox;

/// <summary>
/// <c>GET /dev/outbox</c>, Development only (absent elsewhere): what the development sink recorded instead of sending —
/// SMS, ZNS and Zalo replies — oldest first.
/// </summary>
public sealed class GetDevOutboxEndpoint(DevelopmentOutbox outbox)
{
    public const string Name = "GetDevOutbox";

    [Function(Name)]
    [FunctionAccess(Audience.Development)]
    public IResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "dev/outbox")] HttpRequest req)
    {
        return Results.Json(outbox.List().Select(e => new OutboxItem(e.NotificationId, e.ToE164, e.Text, e.Tag, e.RecordedAt)).ToList());
    }

    internal sealed record OutboxItem(
        [property: JsonPropertyName("notificationId")] string NotificationId,
        [property: JsonPropertyName("to")] string To,
        [property: JsonPropertyName("text")] string Text,
        [property: JsonPropertyName("tag")] string Tag,
        [property: JsonPropertyName("recordedAt")] DateTimeOffset RecordedAt);
}
