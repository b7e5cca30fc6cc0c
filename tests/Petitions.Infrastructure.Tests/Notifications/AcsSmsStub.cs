using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Petitions.Infrastructure.Tests.Notifications;

/// <summary>
/// A real HTTP server on 127.0.0.1 that answers like ACS SMS: checks the HMAC signature as the
/// service does, deduplicates by repeatabilityRequestId, and fails, throttles or times out on demand.
/// </summary>
internal sealed class AcsSmsStub : IDisposable
{
    public enum Behaviour { Accept, Throttle, Fail500, AcceptThenHang, RecipientFailure }

    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<Behaviour> _script = new();
    private readonly ConcurrentDictionary<string, string> _messageIds = new();
    private readonly ConcurrentDictionary<string, int> _deliveries = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly byte[] _key;

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

    public TimeSpan Hang { get; set; } = TimeSpan.FromSeconds(2);

    public ConcurrentBag<string> Bodies { get; } = [];

    public int Unauthorised;

    public int Requests;

    /// <summary>Messages that reached a handset, per repeatabilityRequestId.</summary>
    public IReadOnlyDictionary<string, int> Deliveries => _deliveries;

    public void Then(params Behaviour[] behaviours)
    {
        foreach (var b in behaviours)
        {
            _script.Enqueue(b);
        }
    }

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
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (HttpListenerException)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        Interlocked.Increment(ref Requests);
        using var buffer = new MemoryStream();
        await context.Request.InputStream.CopyToAsync(buffer);
        var body = buffer.ToArray();
        var response = context.Response;
        try
        {
            if (!SignatureIsValid(context.Request, body))
            {
                Interlocked.Increment(ref Unauthorised);
                response.StatusCode = 401;
                return;
            }

            Bodies.Add(Encoding.UTF8.GetString(body));
            using var json = JsonDocument.Parse(body);
            var recipient = json.RootElement.GetProperty("smsRecipients")[0];
            var requestId = recipient.GetProperty("repeatabilityRequestId").GetString()!;
            var to = recipient.GetProperty("to").GetString()!;
            var behaviour = _script.TryDequeue(out var b) ? b : Behaviour.Accept;

            switch (behaviour)
            {
                case Behaviour.Throttle:
                    response.StatusCode = 429;
                    response.AddHeader("Retry-After", "1");
                    return;
                case Behaviour.Fail500:
                    response.StatusCode = 500;
                    return;
                case Behaviour.RecipientFailure:
                    await Write(response, 202, $$"""{"value":[{"to":"{{to}}","httpStatusCode":400,"errorMessage":"Invalid To phone number format.","successful":false}]}""");
                    return;
            }

            var repeated = !_messageIds.TryAdd(requestId, "Outgoing_" + Guid.NewGuid().ToString("N") + "_noam");
            if (!repeated)
            {
                _deliveries.AddOrUpdate(requestId, 1, (_, n) => n + 1);
            }

            if (behaviour == Behaviour.AcceptThenHang)
            {
                await Task.Delay(Hang);
            }

            var result = repeated ? "rejected" : "accepted";
            await Write(response, 202, $$"""{"value":[{"to":"{{to}}","messageId":"{{_messageIds[requestId]}}","httpStatusCode":202,"repeatabilityResult":"{{result}}","successful":true}]}""");
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
        await response.OutputStream.WriteAsync(bytes);
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

        if (contentHash != Convert.ToBase64String(SHA256.HashData(body)))
        {
            return false;
        }

        var stringToSign = request.HttpMethod + "\n" + request.RawUrl + "\n" + date + ";" + host + ";" + contentHash;
        var signature = Convert.ToBase64String(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(stringToSign)));
        return authorization == "HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=" + signature;
    }
}
