using System.Text.Json.Serialization;
using Petitions.Infrastructure.Notifications.Sms;

namespace Petitions.Functions.Functions.GetDevOutbox;

/// <summary>
/// <c>GET /dev/outbox</c>, Development only (404 elsewhere): what the development sink recorded instead of sending —
/// SMS, ZNS and Zalo replies — oldest first.
/// </summary>
internal static class GetDevOutboxEndpoint
{
    public const string Name = "GetDevOutbox";

    public static IEndpointConventionBuilder Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("dev/outbox", Handle).WithName(Name);

    public static IResult Handle(IHostEnvironment environment, DevelopmentOutbox outbox)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(outbox);
        if (!environment.IsDevelopment())
        {
            return Results.NotFound();
        }

        return Results.Json(outbox.List().Select(e => new OutboxItem(e.NotificationId, e.ToE164, e.Text, e.Tag, e.RecordedAt)).ToList());
    }

    internal sealed record OutboxItem(
        [property: JsonPropertyName("notificationId")] string NotificationId,
        [property: JsonPropertyName("to")] string To,
        [property: JsonPropertyName("text")] string Text,
        [property: JsonPropertyName("tag")] string Tag,
        [property: JsonPropertyName("recordedAt")] DateTimeOffset RecordedAt);
}
