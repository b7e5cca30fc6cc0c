using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Petitions.Functions.Tests.Notifications;

/// <summary>
/// A real HTTP server on 127.0.0.1 answering <c>POST /message/template</c> like Zalo ZNS with a fixed answer
/// (e.g. error -118, no Zalo account). Records each request's tracking_id, template and access token.
/// </summary>
internal sealed class ZnsStub : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly string _answer;

    public ZnsStub(string answer)
    {
        _answer = answer;
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        BaseUrl = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(BaseUrl.AbsoluteUri);
        _listener.Start();
        _ = Task.Run(LoopAsync);
    }

    public sealed record Call(string Path, string? AccessToken, string TrackingId, string TemplateId, string Phone);

    public Uri BaseUrl { get; }

    public ConcurrentQueue<Call> Calls { get; } = new();

    public void Dispose() => _listener.Close();

    private async Task LoopAsync()
    {
        while (true)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var buffer = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(buffer);
            using (var json = JsonDocument.Parse(buffer.ToArray()))
            {
                var root = json.RootElement;
                Calls.Enqueue(new Call(
                    context.Request.Url!.AbsolutePath, context.Request.Headers["access_token"],
                    root.GetProperty("tracking_id").GetString()!, root.GetProperty("template_id").GetString()!, root.GetProperty("phone").GetString()!));
            }

            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(Encoding.UTF8.GetBytes(_answer));
            context.Response.Close();
        }
    }
}
