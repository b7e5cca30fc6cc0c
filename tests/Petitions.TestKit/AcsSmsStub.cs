using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Petitions.TestKit;

/// <summary>
/// A real HTTP server on 127.0.0.1 that answers like ACS SMS (<c>POST /sms?api-version=2021-03-07</c>): checks the
/// HMAC signature as the service does (401 when wrong), deduplicates by <c>repeatabilityRequestId</c> (a repeat of an
/// accepted id is answered <c>repeatabilityResult: "rejected"</c> and is not a second delivery), and fails, throttles
/// or accepts-then-hangs on demand (<see cref="Then"/>; one scripted behaviour per request, in arrival order).
/// Shared by the channel tests (Infrastructure) and the through-the-app tests (Functions).
/// </summary>
public sealed class AcsSmsStub : IDisposable
{
    public enum Behaviour { Accept, Throttle, Fail500, AcceptThenHang, RecipientFailure }

    /// <summary>One request as it arrived and how it was answered (<see cref="Result"/> null when not accepted).</summary>
    public sealed record Exchange(string RequestId, string To, string Text, string? Tag, Behaviour Behaviour, string? Result, string? MessageId);

    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<Behaviour> _script = new();
    private readonly ConcurrentDictionary<string, string> _messageIds = new();
    private readonly ConcurrentDictionary<string, int> _deliveries = new();
    private readonly ConcurrentQueue<Exchange> _exchanges = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly byte[] _key;
    private int _requests;
    private int _unauthorised;
    private int _verified;

    public AcsSmsStub(byte[] key)
    {
        _key = key;
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Endpoint = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(Endpoint.AbsoluteUri);
        _listener.Start();
        _ = Task.Run(LoopAsync);
    }

    public Uri Endpoint { get; }

    /// <summary>How long <see cref="Behaviour.AcceptThenHang"/> holds its answer after accepting.</summary>
    public TimeSpan Hang { get; set; } = TimeSpan.FromSeconds(2);

    public ConcurrentBag<string> Bodies { get; } = [];

    /// <summary>Requests whose signature (or content hash) did not verify: answered 401.</summary>
    public int Unauthorised => Volatile.Read(ref _unauthorised);

    /// <summary>Requests whose HMAC signature verified.</summary>
    public int Verified => Volatile.Read(ref _verified);

    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Messages that reached a handset, per repeatabilityRequestId (ACS's accepted set).</summary>
    public IReadOnlyDictionary<string, int> Deliveries => _deliveries;

    /// <summary>Every verified request in arrival order, with the answer it got.</summary>
    public IReadOnlyList<Exchange> Exchanges => [.. _exchanges];

    /// <summary>The ACS message id given to an accepted repeatabilityRequestId (what delivery reports carry).</summary>
    public string? MessageIdOf(string requestId) => _messageIds.TryGetValue(requestId, out var id) ? id : null;

    public void Then(params Behaviour[] behaviours)
    {
        ArgumentNullException.ThrowIfNull(behaviours);
        foreach (var b in behaviours)
        {
            _script.Enqueue(b);
        }
    }

    /// <summary>Scripted behaviours not yet used by a request.</summary>
    public int Pending => _script.Count;

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Close();
        _stop.Dispose();
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        Interlocked.Increment(ref _requests);
        var response = context.Response;
        try
        {
            using var buffer = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(buffer).ConfigureAwait(false);
            var body = buffer.ToArray();
            if (!SignatureIsValid(context.Request, body))
            {
                Interlocked.Increment(ref _unauthorised);
                response.StatusCode = 401;
                return;
            }

            Interlocked.Increment(ref _verified);
            Bodies.Add(Encoding.UTF8.GetString(body));
            using var json = JsonDocument.Parse(body);
            var recipient = json.RootElement.GetProperty("smsRecipients")[0];
            var requestId = recipient.GetProperty("repeatabilityRequestId").GetString()!;
            var to = recipient.GetProperty("to").GetString()!;
            var text = json.RootElement.GetProperty("message").GetString()!;
            var tag = json.RootElement.TryGetProperty("smsSendOptions", out var options) && options.TryGetProperty("tag", out var t) ? t.GetString() : null;
            var behaviour = _script.TryDequeue(out var b) ? b : Behaviour.Accept;

            switch (behaviour)
            {
                case Behaviour.Throttle:
                    _exchanges.Enqueue(new Exchange(requestId, to, text, tag, behaviour, null, null));
                    response.StatusCode = 429;
                    response.AddHeader("Retry-After", "1");
                    return;
                case Behaviour.Fail500:
                    _exchanges.Enqueue(new Exchange(requestId, to, text, tag, behaviour, null, null));
                    response.StatusCode = 500;
                    return;
                case Behaviour.RecipientFailure:
                    _exchanges.Enqueue(new Exchange(requestId, to, text, tag, behaviour, null, null));
                    await Write(response, 202, $$"""{"value":[{"to":"{{to}}","httpStatusCode":400,"errorMessage":"Invalid To phone number format.","successful":false}]}""").ConfigureAwait(false);
                    return;
            }

            var repeated = !_messageIds.TryAdd(requestId, "Outgoing_" + Guid.NewGuid().ToString("N") + "_noam");
            if (!repeated)
            {
                _deliveries.AddOrUpdate(requestId, 1, (_, n) => n + 1);
            }

            var result = repeated ? "rejected" : "accepted";
            _exchanges.Enqueue(new Exchange(requestId, to, text, tag, behaviour, result, _messageIds[requestId]));
            if (behaviour == Behaviour.AcceptThenHang)
            {
                await Task.Delay(Hang).ConfigureAwait(false);
            }

            await Write(response, 202, $$"""{"value":[{"to":"{{to}}","messageId":"{{_messageIds[requestId]}}","httpStatusCode":202,"repeatabilityResult":"{{result}}","successful":true}]}""").ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException or IOException)
        {
            // The client gave up waiting (timeout on demand) or the stub is stopping.
        }
        finally
        {
            try
            {
                response.Close();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                // The client gave up waiting (timeout on demand).
            }
        }
    }

    private static async Task Write(HttpListenerResponse response, int status, string json)
    {
        response.StatusCode = status;
        response.ContentType = "application/json";
        var bytes = Encoding.UTF8.GetBytes(json);
        await response.OutputStream.WriteAsync(bytes).ConfigureAwait(false);
    }

    /// <summary>As ACS does: hash the body, rebuild the string to sign from what arrived, compare.</summary>
    private bool SignatureIsValid(HttpListenerRequest request, byte[] body)
    {
        var date = request.Headers["x-ms-date"];
        var contentHash = request.Headers["x-ms-content-sha256"];
        var authorization = request.Headers["Authorization"];
        var host = request.Headers["Host"];
        if (date is null || contentHash is null || authorization is null || host is null)
        {
            return false;
        }

        // ACS refuses a request whose x-ms-date is more than 15 minutes from real time.
        if (!DateTimeOffset.TryParseExact(date, "r", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var dated)
            || (dated - DateTimeOffset.UtcNow).Duration() > TimeSpan.FromMinutes(15))
        {
            return false;
        }

        if (contentHash != Convert.ToBase64String(SHA256.HashData(body)))
        {
            return false;
        }

        var stringToSign = request.HttpMethod + "\n" + request.RawUrl + "\n" + date + ";" + host + ";" + contentHash;
        var signature = Convert.ToBase64String(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(stringToSign)));
        return authorization == "HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=" + signature;
    }
}
