using System.Globalization;
using System.Text.Json;
using Azure.Core;
using Azure.Core.Pipeline;
using Microsoft.Extensions.Logging;
using Petitions.Core.Citizens;
using Petitions.Core.Notifications;

namespace Petitions.Infrastructure.Notifications.Zalo;

/// <summary>
/// Zalo Notification Service template messages: <c>POST {BaseUrl}/message/template</c> with header
/// <c>access_token</c> and <c>{phone: "84…", template_id, template_data, tracking_id}</c>.
/// ZNS does not deduplicate by <c>tracking_id</c>, so the pipeline never retries a request that may have
/// reached Zalo (only connection failures before sending are retried by nobody: the dispatcher decides).
/// Error −118 (no Zalo account on the number) → <see cref="SendStatus.NoZaloAccount"/>; −100 and
/// HTTP 429/5xx → transient; other errors → permanent for this channel (the dispatcher falls back to SMS).
/// </summary>
public sealed class ZaloZnsChannel : INotificationChannel
{
    public const int NoZaloAccountError = -118;
    public const int UnknownError = -100;

    private readonly ZaloOptions _options;
    private readonly HttpPipeline _pipeline;
    private readonly ILogger<ZaloZnsChannel> _logger;

    public ZaloZnsChannel(ZaloOptions options, ILogger<ZaloZnsChannel> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.ZnsEnabled)
        {
            throw new InvalidOperationException("Notifications:Zalo:AccessToken is required for ZNS.");
        }

        _options = options;
        _logger = logger;
        var clientOptions = new ZaloClientOptions();
        clientOptions.Retry.MaxRetries = 0;
        clientOptions.Retry.NetworkTimeout = options.NetworkTimeout;
        clientOptions.Diagnostics.IsLoggingContentEnabled = false;
        _pipeline = HttpPipelineBuilder.Build(clientOptions);
    }

    public ChannelKind Kind => ChannelKind.Zalo;

    public string Name => "zalo:zns";

    public bool DeduplicatesRetries => false;

    public bool CanSend(string templateKey) => TemplateId(templateKey) is not null;

    public async Task<SendResult> SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var templateId = TemplateId(message.TemplateKey) ?? throw new InvalidOperationException("No ZNS template for " + message.TemplateKey);
        using var http = _pipeline.CreateMessage();
        http.Request.Method = RequestMethod.Post;
        http.Request.Uri.Reset(new Uri(_options.BaseUrl, "message/template"));
        http.Request.Headers.SetValue("Content-Type", "application/json");
        http.Request.Headers.SetValue("access_token", _options.AccessToken!);
        http.Request.Content = RequestContent.Create(BuildBody(message, templateId));

        await _pipeline.SendAsync(http, cancellationToken).ConfigureAwait(false);
        var result = Interpret(http.Response.Status, http.Response.Content.ToMemory());
        _logger.LogInformation("ZNS for notification {NotificationId}: {Result} ({Error})", message.NotificationId, result.Status, result.Error);
        return result;
    }

    internal static byte[] BuildBody(OutgoingMessage message, string templateId)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("phone", PhoneNumber.Parse(message.ToE164).ToZnsFormat());
            json.WriteString("template_id", templateId);
            json.WriteStartObject("template_data");
            foreach (var (key, value) in message.TemplateData.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                json.WriteString(key, value);
            }

            json.WriteEndObject();
            json.WriteString("tracking_id", message.NotificationId);
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    internal static SendResult Interpret(int status, ReadOnlyMemory<byte> body)
    {
        if (status is 429 or >= 500)
        {
            return SendResult.Transient("zns-http-" + status.ToString(CultureInfo.InvariantCulture));
        }

        if (status is < 200 or >= 300 || body.IsEmpty)
        {
            return SendResult.Permanent("zns-http-" + status.ToString(CultureInfo.InvariantCulture));
        }

        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        var error = root.TryGetProperty("error", out var e) ? e.GetInt32() : UnknownError;
        var code = "zns" + error.ToString(CultureInfo.InvariantCulture);
        return error switch
        {
            0 => SendResult.Accepted(root.TryGetProperty("data", out var data) && data.TryGetProperty("msg_id", out var id) ? id.GetString() : null),
            NoZaloAccountError => SendResult.NoZaloAccount(),
            UnknownError => SendResult.Transient(code),
            _ => SendResult.Permanent(code),
        };
    }

    private string? TemplateId(string templateKey)
    {
        if (_options.Templates.TryGetValue(templateKey, out var id))
        {
            return id;
        }

        // Settings may name the event instead of the key: CaseReceived for case-received.
        var eventName = string.Concat(templateKey.Split('-').Select(w => w.Length == 0 ? w : char.ToUpperInvariant(w[0]) + w[1..]));
        return _options.Templates.TryGetValue(eventName, out id) ? id : null;
    }

    private sealed class ZaloClientOptions : ClientOptions
    {
    }
}
