using System.Net.Http.Headers;
using Petitions.Infrastructure.Notifications.Sms;

namespace Petitions.Infrastructure.Notifications.Zalo;

/// <summary>Sends OA customer-service messages (replies to a user who wrote to the OA).</summary>
public interface IZaloOaClient
{
    /// <summary>Sends <paramref name="text"/> to <paramref name="userId"/>; <paramref name="replyTo"/> is the user's message id (deduplication key).</summary>
    Task SendCsMessageAsync(string userId, string text, string replyTo, CancellationToken cancellationToken);
}

/// <summary>
/// The OA API over HTTP (<c>POST {OaBaseUrl}/v3.0/oa/message/cs</c>, header <c>access_token</c>). A non-success answer
/// or a Zalo error code throws, so the queue retries the event.
/// </summary>
public sealed class HttpZaloOaClient(HttpClient http, ZaloOptions options) : IZaloOaClient
{
    /// <inheritdoc />
    public async Task SendCsMessageAsync(string userId, string text, string replyTo, CancellationToken cancellationToken)
    {
        var token = options.AccessToken ?? throw new InvalidOperationException("Notifications:Zalo:AccessToken is required to answer on Zalo.");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(options.OaBaseUrl, ZaloCsMessage.Path));
        request.Headers.Add("access_token", token);
        request.Content = new ByteArrayContent(ZaloCsMessage.BuildBody(userId, text));
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        using var json = System.Text.Json.JsonDocument.Parse(body);
        if (json.RootElement.TryGetProperty("error", out var error) && error.TryGetInt32(out var code) && code != 0)
        {
            throw new HttpRequestException($"Zalo OA answered error {code}.");
        }
    }
}

/// <summary>Development: records the reply in the <see cref="DevelopmentOutbox"/> (tag <c>zalo-cs-reply</c>) instead of calling Zalo.</summary>
public sealed class DevelopmentZaloOaClient(DevelopmentOutbox outbox, TimeProvider clock) : IZaloOaClient
{
    /// <summary>The outbox tag of a Zalo reply.</summary>
    public const string Tag = "zalo-cs-reply";

    /// <inheritdoc />
    public Task SendCsMessageAsync(string userId, string text, string replyTo, CancellationToken cancellationToken) =>
        outbox.TryRecordAsync(new OutboxEntry("zalo-" + replyTo, "zalo:" + userId, text, Tag, clock.GetUtcNow()), cancellationToken);
}
