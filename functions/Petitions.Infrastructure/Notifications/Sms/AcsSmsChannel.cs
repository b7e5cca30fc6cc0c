using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Petitions.Core.Notifications;

namespace Petitions.Infrastructure.Notifications.Sms;

/// <summary>
/// Azure Communication Services SMS over REST (<c>POST {endpoint}/sms?api-version=2021-03-07</c>) on an
/// Azure.Core pipeline: retries 408/429/5xx and network timeouts honouring Retry-After, signs with
/// HMAC-SHA256 or an Entra ID token. <c>repeatabilityRequestId</c> is derived from our notification id
/// and <c>repeatabilityFirstSent</c> is the first attempt's time, so every retry — by the pipeline or
/// by a redelivered queue message — is recognised by ACS and not sent twice.
/// </summary>
[SmsProvider("Acs")]
public sealed class AcsSmsChannel : SmsProviderChannel
{
    public const string ApiVersion = "2021-03-07";
    public const string TokenScope = "https://communication.azure.com//.default";

    private readonly HttpPipeline _pipeline;
    private readonly Uri _sendUri;
    private readonly string _from;
    private readonly ILogger<AcsSmsChannel> _logger;

    [ActivatorUtilitiesConstructor]
    public AcsSmsChannel(IConfigurationSection section, ILogger<AcsSmsChannel> logger)
        : this(AcsSmsOptions.Bind(section), logger)
    {
    }

    public AcsSmsChannel(AcsSmsOptions options, ILogger<AcsSmsChannel> logger, TokenCredential? credential = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _from = options.From;
        _logger = logger;

        Uri endpoint;
        HttpPipelinePolicy auth;
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            var parsed = AcsConnectionString.Parse(options.ConnectionString);
            endpoint = parsed.Endpoint;
            auth = new AcsHmacAuthenticationPolicy(parsed.AccessKey);
        }
        else
        {
            endpoint = options.Endpoint!;
            credential ??= new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(options.ClientId!));
            auth = new BearerTokenAuthenticationPolicy(credential, TokenScope);
        }

        _sendUri = new Uri(endpoint.GetLeftPart(UriPartial.Authority) + endpoint.AbsolutePath.TrimEnd('/') + "/sms?api-version=" + ApiVersion);

        var clientOptions = new AcsClientOptions();
        clientOptions.Retry.Mode = RetryMode.Exponential;
        clientOptions.Retry.MaxRetries = options.MaxRetries;
        clientOptions.Retry.Delay = options.RetryDelay;
        clientOptions.Retry.MaxDelay = options.MaxRetryDelay;
        clientOptions.Retry.NetworkTimeout = options.NetworkTimeout;
        clientOptions.Diagnostics.IsLoggingContentEnabled = false;
        _pipeline = HttpPipelineBuilder.Build(clientOptions, [], [auth], new ResponseClassifier());
    }

    public override string Name => "sms:acs";

    public override bool DeduplicatesRetries => true;

    public override async Task<SendResult> SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        using var http = _pipeline.CreateMessage();
        http.Request.Method = RequestMethod.Post;
        http.Request.Uri.Reset(_sendUri);
        http.Request.Headers.SetValue("Content-Type", "application/json");
        http.Request.Content = RequestContent.Create(BuildBody(_from, message));

        await _pipeline.SendAsync(http, cancellationToken).ConfigureAwait(false);
        var response = http.Response;
        var result = Interpret(response.Status, response.Content.ToMemory(), RetryAfter(response));
        _logger.LogInformation(
            "ACS SMS for notification {NotificationId}: HTTP {Status}, {Result}", message.NotificationId, response.Status, result.Status);
        return result;
    }

    /// <summary>The request body (shape of <c>acs/sms-send-request.json</c>).</summary>
    internal static byte[] BuildBody(string from, OutgoingMessage message)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("from", from);
            json.WriteStartArray("smsRecipients");
            json.WriteStartObject();
            json.WriteString("to", message.ToE164);
            json.WriteString("repeatabilityRequestId", RepeatabilityRequestId(message.NotificationId));
            json.WriteString("repeatabilityFirstSent", message.FirstAttemptAt.ToUniversalTime().ToString("r", CultureInfo.InvariantCulture));
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteString("message", message.Text);
            json.WriteStartObject("smsSendOptions");
            json.WriteBoolean("enableDeliveryReport", true);
            json.WriteString("tag", message.Tag);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// ACS wants a GUID. A notification id that is a GUID is used as is; any other id maps to a
    /// name-based GUID (SHA-256 of the id, RFC 9562 version 8 layout), the same on every retry.
    /// </summary>
    internal static string RepeatabilityRequestId(string notificationId)
    {
        if (Guid.TryParse(notificationId, out var guid))
        {
            return guid.ToString("D");
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("petitions-notification:" + notificationId));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true).ToString("D");
    }

    /// <summary>Reads the ACS answer (shape of <c>acs/sms-send-response.json</c>).</summary>
    internal static SendResult Interpret(int status, ReadOnlyMemory<byte> body, TimeSpan? retryAfter)
    {
        if (status is 202 or 200)
        {
            using var document = JsonDocument.Parse(body);
            var recipient = document.RootElement.GetProperty("value").EnumerateArray().First();
            var messageId = recipient.TryGetProperty("messageId", out var id) ? id.GetString() : null;
            var repeatability = recipient.TryGetProperty("repeatabilityResult", out var r) ? r.GetString() : null;
            if (string.Equals(repeatability, "rejected", StringComparison.OrdinalIgnoreCase))
            {
                // ACS already took a request with this repeatabilityRequestId: this was a retry.
                return SendResult.AlreadyAccepted(messageId);
            }

            var successful = recipient.TryGetProperty("successful", out var s) && s.GetBoolean();
            if (successful)
            {
                return SendResult.Accepted(messageId);
            }

            var recipientStatus = recipient.TryGetProperty("httpStatusCode", out var code) ? code.GetInt32() : 500;
            return Classify(recipientStatus, retryAfter);
        }

        return Classify(status, retryAfter);
    }

    private static SendResult Classify(int status, TimeSpan? retryAfter)
    {
        var error = "acs-" + status.ToString(CultureInfo.InvariantCulture);
        return status is 401 or 403 or 408 or 429 or >= 500
            ? SendResult.Transient(error, retryAfter)
            : SendResult.Permanent(error);
    }

    private static TimeSpan? RetryAfter(Azure.Response response)
    {
        if (!response.Headers.TryGetValue("Retry-After", out var value))
        {
            return null;
        }

        if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) && response.Headers.Date is { } now
            ? at - now
            : null;
    }

    private sealed class AcsClientOptions : ClientOptions
    {
    }
}
