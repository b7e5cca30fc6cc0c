using System.Net;

namespace Petitions.Infrastructure.Tests.Storage.Pipeline;

/// <summary>
/// A scripted HTTP endpoint under Azure.Core's HttpClientTransport: answers from a queue of
/// responses and records every request (headers, time) so tests can see retries and signatures.
/// </summary>
internal sealed class StubHandler(params Func<HttpResponseMessage>[] responses) : HttpMessageHandler
{
    private readonly Queue<Func<HttpResponseMessage>> _responses = new(responses);
    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();

    public List<(HttpRequestMessage Request, TimeSpan At)> Requests { get; } = [];

    public static HttpResponseMessage Status(int status, params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage((HttpStatusCode)status) { Content = new ByteArrayContent([]) };
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Add((request, _clock.Elapsed));
        var next = _responses.Count > 1 ? _responses.Dequeue() : _responses.Peek();
        return Task.FromResult(next());
    }
}
