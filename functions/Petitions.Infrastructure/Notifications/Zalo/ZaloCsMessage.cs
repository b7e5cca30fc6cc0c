using System.Text.Json;

namespace Petitions.Infrastructure.Notifications.Zalo;

/// <summary>
/// An OA customer-service message (<c>POST https://openapi.zalo.me/v3.0/oa/message/cs</c>, header
/// <c>access_token</c>): <c>{"recipient":{"user_id":…},"message":{"text":…}}</c>. Zalo allows CS
/// messages to a user for a while after the user wrote to the OA, which a <c>user_send_text</c> is.
/// </summary>
public static class ZaloCsMessage
{
    public const string Path = "v3.0/oa/message/cs";

    /// <summary>The reply to a citizen who wrote to the OA: the link to our form, marked as Zalo and as this user.</summary>
    public static string FormLinkReplyText(Uri formLink) =>
        "Cam on ban da lien he. De gui don kien nghi, phan anh, khieu nai hoac to cao, xin dien mau tai: " + formLink.AbsoluteUri;

    public static byte[] BuildBody(string userId, string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteStartObject("recipient");
            json.WriteString("user_id", userId);
            json.WriteEndObject();
            json.WriteStartObject("message");
            json.WriteString("text", text);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>The full request: where to POST it and what to send.</summary>
    public static (Uri Uri, byte[] Body) ReplyWithFormLink(ZaloOptions options, ZaloUserReference references, ZaloWebhookEvent userText)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(references);
        ArgumentNullException.ThrowIfNull(userText);
        var userId = userText.SenderId ?? throw new ArgumentException("The event has no sender.", nameof(userText));
        var formUrl = options.FormUrl ?? throw new InvalidOperationException("Notifications:Zalo:FormUrl is required.");
        var link = ZaloFormLink.ForUser(formUrl, references.Create(userId));
        return (new Uri(options.OaBaseUrl, Path), BuildBody(userId, FormLinkReplyText(link)));
    }
}
