using System.Text.Json;

namespace Petitions.Infrastructure.Notifications.Zalo;

/// <summary>
/// One Zalo OA webhook event (shape of <c>zalo/user_send_text.json</c>). <see cref="Timestamp"/> is kept
/// as sent, since the signature covers its exact text.
/// </summary>
public sealed record ZaloWebhookEvent(
    string AppId,
    string EventName,
    string Timestamp,
    string? SenderId,
    string? RecipientId,
    string? UserIdByApp,
    string? MessageId,
    string? Text)
{
    public const string UserSendText = "user_send_text";

    public bool IsUserText => EventName == UserSendText;

    /// <summary>Parses the raw body; throws <see cref="FormatException"/> when it is not a Zalo event.</summary>
    public static ZaloWebhookEvent Parse(ReadOnlySpan<byte> rawBody)
    {
        try
        {
            var reader = new Utf8JsonReader(rawBody);
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            return new ZaloWebhookEvent(
                Required(root, "app_id"),
                Required(root, "event_name"),
                Required(root, "timestamp"),
                Nested(root, "sender", "id"),
                Nested(root, "recipient", "id"),
                Value(root, "user_id_by_app"),
                Nested(root, "message", "msg_id"),
                Nested(root, "message", "text"));
        }
        catch (JsonException ex)
        {
            throw new FormatException("The body is not a Zalo webhook event.", ex);
        }
    }

    private static string Required(JsonElement root, string name) =>
        Value(root, name) ?? throw new FormatException($"A Zalo webhook event needs '{name}'.");

    private static string? Value(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;

    private static string? Nested(JsonElement root, string parent, string name) =>
        root.TryGetProperty(parent, out var child) ? Value(child, name) : null;
}
