using System.Globalization;
using System.Text;
using System.Xml.Linq;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Petitions.Infrastructure.Storage.Pipeline;

namespace Petitions.Infrastructure.Storage.Queues;

/// <summary>
/// One queue, over the Queue service REST API on an Azure.Core pipeline. Message text travels as
/// base64 of its UTF-8 bytes — what the Functions queue trigger expects by default. Shaped like
/// Azure.Storage.Queues' <c>QueueClient</c>; every member is virtual for mocking.
/// </summary>
public class QueueClient
{
    /// <summary>The largest message the service stores: 64 KiB of (base64-encoded) text.</summary>
    public const int MaxEncodedMessageBytes = 64 * 1024;

    private static readonly TimeSpan MaxVisibility = TimeSpan.FromDays(7);

    private readonly HttpPipeline _pipeline = null!;
    private readonly StorageDiagnostics _diagnostics = null!;
    private readonly string _queueBase = null!;

    internal QueueClient(Uri serviceEndpoint, string queueName, HttpPipeline pipeline, StorageDiagnostics diagnostics)
    {
        ValidateQueueName(queueName);
        _queueBase = serviceEndpoint.AbsoluteUri.TrimEnd('/') + "/" + queueName;
        Name = queueName;
        _pipeline = pipeline;
        _diagnostics = diagnostics;
    }

    /// <summary>For mocking.</summary>
    protected QueueClient()
    {
        Name = string.Empty;
    }

    public virtual string Name { get; }

    /// <summary>Creates the queue; returns false when it already existed.</summary>
    public virtual Task<bool> CreateIfNotExistsAsync(CancellationToken cancellationToken = default) =>
        RunAsync(nameof(CreateIfNotExistsAsync), async () =>
        {
            using var message = CreateMessage(RequestMethod.Put, string.Empty);
            var response = await SendAsync(message, cancellationToken).ConfigureAwait(false);
            return response.Status switch
            {
                201 => true,
                204 or 409 => false,
                _ => throw StorageErrors.From(response, "CreateQueue"),
            };
        });

    /// <summary>Deletes the queue and its messages; returns false when there was none.</summary>
    public virtual Task<bool> DeleteIfExistsAsync(CancellationToken cancellationToken = default) =>
        RunAsync(nameof(DeleteIfExistsAsync), async () =>
        {
            using var message = CreateMessage(RequestMethod.Delete, string.Empty);
            var response = await SendAsync(message, cancellationToken).ConfigureAwait(false);
            return response.Status switch
            {
                204 => true,
                404 => false,
                _ => throw StorageErrors.From(response, "DeleteQueue"),
            };
        });

    /// <summary>
    /// Sends a message (base64 of UTF-8). <paramref name="visibilityDelay"/> hides it at first (0–7 days);
    /// <paramref name="timeToLive"/> defaults to the service's 7 days, <see cref="Timeout.InfiniteTimeSpan"/> means never expire.
    /// </summary>
    /// <exception cref="ArgumentException">The encoded message exceeds 64 KiB (checked before any request).</exception>
    public virtual Task<SendReceipt> SendMessageAsync(
        string messageText, TimeSpan? visibilityDelay = null, TimeSpan? timeToLive = null, CancellationToken cancellationToken = default) =>
        RunAsync(nameof(SendMessageAsync), async () =>
        {
            var encoded = Encode(messageText);
            if (visibilityDelay is { } delay && (delay < TimeSpan.Zero || delay > MaxVisibility))
            {
                throw new ArgumentOutOfRangeException(nameof(visibilityDelay), delay, "The visibility delay is 0 to 7 days.");
            }

            if (timeToLive is { } ttl && ttl != Timeout.InfiniteTimeSpan && ttl < TimeSpan.FromSeconds(1))
            {
                throw new ArgumentOutOfRangeException(nameof(timeToLive), ttl, "The time to live is at least 1 second, or infinite.");
            }

            using var message = CreateMessage(RequestMethod.Post, "/messages");
            if (visibilityDelay is { } d)
            {
                message.Request.Uri.AppendQuery("visibilitytimeout", Seconds(d), escapeValue: false);
            }

            if (timeToLive is { } t)
            {
                message.Request.Uri.AppendQuery("messagettl", t == Timeout.InfiniteTimeSpan ? "-1" : Seconds(t), escapeValue: false);
            }

            SetMessageBody(message.Request, encoded);
            var response = await SendAsync(message, cancellationToken).ConfigureAwait(false);
            if (response.Status != 201)
            {
                throw StorageErrors.From(response, "PutMessage");
            }

            var m = MessageElements(response).Single();
            return new SendReceipt(
                Value(m, "MessageId"), Value(m, "PopReceipt"), Time(m, "InsertionTime"), Time(m, "ExpirationTime"), Time(m, "TimeNextVisible"));
        });

    /// <summary>Receives up to <paramref name="maxMessages"/> (1–32) messages, hiding them for <paramref name="visibilityTimeout"/> (1 s – 7 days).</summary>
    public virtual Task<IReadOnlyList<QueueMessage>> ReceiveMessagesAsync(
        int maxMessages, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default) =>
        RunAsync(nameof(ReceiveMessagesAsync), async () =>
        {
            ValidateCount(maxMessages);
            if (visibilityTimeout < TimeSpan.FromSeconds(1) || visibilityTimeout > MaxVisibility)
            {
                throw new ArgumentOutOfRangeException(nameof(visibilityTimeout), visibilityTimeout, "The visibility timeout is 1 second to 7 days.");
            }

            using var message = CreateMessage(RequestMethod.Get, "/messages");
            message.Request.Uri.AppendQuery("numofmessages", maxMessages.ToString(CultureInfo.InvariantCulture), escapeValue: false);
            message.Request.Uri.AppendQuery("visibilitytimeout", Seconds(visibilityTimeout), escapeValue: false);
            var response = await SendAsync(message, cancellationToken).ConfigureAwait(false);
            if (response.Status != 200)
            {
                throw StorageErrors.From(response, "GetMessages");
            }

            return (IReadOnlyList<QueueMessage>)MessageElements(response)
                .Select(m => new QueueMessage(
                    Value(m, "MessageId"),
                    Value(m, "PopReceipt"),
                    Decode(Value(m, "MessageText")),
                    long.Parse(Value(m, "DequeueCount"), CultureInfo.InvariantCulture),
                    Time(m, "InsertionTime"),
                    Time(m, "ExpirationTime"),
                    Time(m, "TimeNextVisible")))
                .ToList();
        });

    /// <summary>Looks at up to <paramref name="maxMessages"/> (1–32) visible messages without receiving them.</summary>
    public virtual Task<IReadOnlyList<PeekedMessage>> PeekMessagesAsync(int maxMessages = 1, CancellationToken cancellationToken = default) =>
        RunAsync(nameof(PeekMessagesAsync), async () =>
        {
            ValidateCount(maxMessages);
            using var message = CreateMessage(RequestMethod.Get, "/messages");
            message.Request.Uri.AppendQuery("peekonly", "true", escapeValue: false);
            message.Request.Uri.AppendQuery("numofmessages", maxMessages.ToString(CultureInfo.InvariantCulture), escapeValue: false);
            var response = await SendAsync(message, cancellationToken).ConfigureAwait(false);
            if (response.Status != 200)
            {
                throw StorageErrors.From(response, "PeekMessages");
            }

            return (IReadOnlyList<PeekedMessage>)MessageElements(response)
                .Select(m => new PeekedMessage(
                    Value(m, "MessageId"),
                    Decode(Value(m, "MessageText")),
                    long.Parse(Value(m, "DequeueCount"), CultureInfo.InvariantCulture),
                    Time(m, "InsertionTime"),
                    Time(m, "ExpirationTime")))
                .ToList();
        });

    /// <summary>Deletes a received message (its pop receipt proves this receiver still holds it).</summary>
    public virtual Task DeleteMessageAsync(string messageId, string popReceipt, CancellationToken cancellationToken = default) =>
        RunAsync(nameof(DeleteMessageAsync), async () =>
        {
            using var message = CreateMessage(RequestMethod.Delete, "/messages/" + Uri.EscapeDataString(messageId));
            message.Request.Uri.AppendQuery("popreceipt", popReceipt, escapeValue: true);
            var response = await SendAsync(message, cancellationToken).ConfigureAwait(false);
            return response.Status == 204 ? true : throw StorageErrors.From(response, "DeleteMessage");
        });

    /// <summary>Changes a received message's visibility (and optionally its text); returns the new pop receipt.</summary>
    public virtual Task<UpdateReceipt> UpdateMessageAsync(
        string messageId, string popReceipt, TimeSpan visibilityTimeout, string? newText = null, CancellationToken cancellationToken = default) =>
        RunAsync(nameof(UpdateMessageAsync), async () =>
        {
            if (visibilityTimeout < TimeSpan.Zero || visibilityTimeout > MaxVisibility)
            {
                throw new ArgumentOutOfRangeException(nameof(visibilityTimeout), visibilityTimeout, "The visibility timeout is 0 to 7 days.");
            }

            var encoded = newText is null ? null : Encode(newText);
            using var message = CreateMessage(RequestMethod.Put, "/messages/" + Uri.EscapeDataString(messageId));
            message.Request.Uri.AppendQuery("popreceipt", popReceipt, escapeValue: true);
            message.Request.Uri.AppendQuery("visibilitytimeout", Seconds(visibilityTimeout), escapeValue: false);
            if (encoded is not null)
            {
                SetMessageBody(message.Request, encoded);
            }

            var response = await SendAsync(message, cancellationToken).ConfigureAwait(false);
            if (response.Status != 204)
            {
                throw StorageErrors.From(response, "UpdateMessage");
            }

            response.Headers.TryGetValue("x-ms-popreceipt", out var receipt);
            response.Headers.TryGetValue("x-ms-time-next-visible", out var next);
            return new UpdateReceipt(
                receipt ?? throw new StorageRequestException(204, null, "Update Message returned no pop receipt."),
                DateTimeOffset.ParseExact(next ?? string.Empty, "R", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal));
        });

    /// <summary>The service's approximate number of messages (may lag behind).</summary>
    public virtual Task<long> GetApproximateMessageCountAsync(CancellationToken cancellationToken = default) =>
        RunAsync(nameof(GetApproximateMessageCountAsync), async () =>
        {
            using var message = CreateMessage(RequestMethod.Get, string.Empty);
            message.Request.Uri.AppendQuery("comp", "metadata", escapeValue: false);
            var response = await SendAsync(message, cancellationToken).ConfigureAwait(false);
            if (response.Status != 200)
            {
                throw StorageErrors.From(response, "GetQueueMetadata");
            }

            return response.Headers.TryGetValue("x-ms-approximate-messages-count", out var count)
                ? long.Parse(count, CultureInfo.InvariantCulture)
                : 0L;
        });

    /// <summary>base64(UTF-8(text)), refused above 64 KiB with a message that says by how much.</summary>
    internal static string Encode(string messageText)
    {
        ArgumentNullException.ThrowIfNull(messageText);
        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(messageText));
        if (encoded.Length > MaxEncodedMessageBytes)
        {
            throw new ArgumentException(
                $"The message is {encoded.Length} bytes once base64-encoded; a queue message holds at most {MaxEncodedMessageBytes} bytes (about 48 KiB of UTF-8 text). Store the payload in a table and send its key.",
                nameof(messageText));
        }

        return encoded;
    }

    /// <summary>Decodes base64 text; text that is not base64 (sent by another producer) is returned as is.</summary>
    internal static string Decode(string text)
    {
        var buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text, buffer, out var written) ? Encoding.UTF8.GetString(buffer, 0, written) : text;
    }

    private HttpMessage CreateMessage(RequestMethod method, string path)
    {
        var message = _pipeline.CreateMessage();
        message.Request.Method = method;
        message.Request.Uri.Reset(new Uri(_queueBase + path));
        return message;
    }

    private async Task<Response> SendAsync(HttpMessage message, CancellationToken cancellationToken)
    {
        await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return message.Response;
    }

    private async Task<T> RunAsync<T>(string operation, Func<Task<T>> body)
    {
        using var scope = _diagnostics.CreateScope("QueueClient." + operation.Replace("Async", string.Empty, StringComparison.Ordinal), "queue", Name);
        try
        {
            return await body().ConfigureAwait(false);
        }
        catch (Exception e)
        {
            scope.Failed(e);
            throw;
        }
    }

    private static void SetMessageBody(Request request, string encoded)
    {
        var xml = new XElement("QueueMessage", new XElement("MessageText", encoded));
        request.Headers.SetValue("Content-Type", "application/xml");
        request.Content = RequestContent.Create(Encoding.UTF8.GetBytes(xml.ToString(SaveOptions.DisableFormatting)));
    }

    private static IEnumerable<XElement> MessageElements(Response response) =>
        XDocument.Parse(response.Content.ToString()).Root?.Elements("QueueMessage") ?? [];

    private static string Value(XElement message, string name) =>
        message.Element(name)?.Value ?? throw new StorageRequestException(200, null, $"The queue response lacks {name}.");

    private static DateTimeOffset Time(XElement message, string name) =>
        DateTimeOffset.ParseExact(Value(message, name), "R", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    private static string Seconds(TimeSpan value) => ((long)Math.Ceiling(value.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

    private static void ValidateCount(int maxMessages)
    {
        if (maxMessages is < 1 or > 32)
        {
            throw new ArgumentOutOfRangeException(nameof(maxMessages), maxMessages, "A queue returns 1 to 32 messages at a time.");
        }
    }

    private static void ValidateQueueName(string queueName)
    {
        if (string.IsNullOrEmpty(queueName) || queueName.Length is < 3 or > 63 ||
            !queueName.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-') ||
            queueName[0] == '-' || queueName[^1] == '-' || queueName.Contains("--", StringComparison.Ordinal))
        {
            throw new ArgumentException("A queue name has 3 to 63 lower-case letters, digits or single hyphens, and starts and ends with a letter or digit.", nameof(queueName));
        }
    }
}
