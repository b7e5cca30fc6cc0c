using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Petitions.Web.Tests.Hosting;

/// <summary>
/// Answers the pages' calls to /api/*, /dev/* with contract-shaped replies (docs/api.md), routed inside
/// the browser, and records every request so tests can check what the pages sent.
/// </summary>
public sealed partial class FakeApi
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly List<(string Method, Regex Path, Func<ApiRequest, ApiReply> Reply)> _routes = [];
    private readonly ConcurrentQueue<ApiRequest> _requests = new();

    public IReadOnlyList<ApiRequest> Requests => [.. _requests];

    /// <summary>Answers METHOD + path (a regex anchored on the path and query) with a reply computed per request.</summary>
    public FakeApi On(string method, string pathPattern, Func<ApiRequest, ApiReply> reply)
    {
        lock (_routes)
        {
            // The last registration wins, so a test can change an answer midway.
            _routes.Insert(0, (method, new Regex($"^{pathPattern}$", RegexOptions.CultureInvariant), reply));
        }

        return this;
    }

    public FakeApi On(string method, string pathPattern, ApiReply reply) => On(method, pathPattern, _ => reply);

    public IReadOnlyList<ApiRequest> Sent(string method, string pathPrefix) =>
        [.. Requests.Where(r => r.Method == method && r.PathAndQuery.StartsWith(pathPrefix, StringComparison.Ordinal))];

    internal Task AttachAsync(IPage page) => page.RouteAsync(ApiPath(), HandleAsync);

    private async Task HandleAsync(IRoute route)
    {
        var request = route.Request;
        var uri = new Uri(request.Url);
        var recorded = new ApiRequest(request.Method, uri.PathAndQuery, request.PostData,
            new Dictionary<string, string>(request.Headers, StringComparer.OrdinalIgnoreCase));
        _requests.Enqueue(recorded);
        Func<ApiRequest, ApiReply>? reply;
        lock (_routes)
        {
            reply = _routes.FirstOrDefault(r => r.Method == request.Method && r.Path.IsMatch(uri.PathAndQuery)).Reply;
        }

        var answer = reply?.Invoke(recorded) ?? ApiReply.Problem(404, "Not Found");
        var headers = new Dictionary<string, string>(answer.Headers ?? new Dictionary<string, string>());
        if (answer.Bytes is not null)
        {
            await route.FulfillAsync(new() { Status = answer.Status, ContentType = answer.ContentType, BodyBytes = answer.Bytes, Headers = headers });
            return;
        }

        await route.FulfillAsync(new()
        {
            Status = answer.Status,
            ContentType = answer.ContentType,
            Body = answer.Body is null ? string.Empty : JsonSerializer.Serialize(answer.Body, Json),
            Headers = headers,
        });
    }

    [GeneratedRegex("^https?://[^/]+/(api|dev)/")]
    private static partial Regex ApiPath();
}

/// <summary>What a page sent.</summary>
public sealed record ApiRequest(string Method, string PathAndQuery, string? Body, IReadOnlyDictionary<string, string> Headers)
{
    public JsonElement Json => JsonDocument.Parse(Body ?? "null").RootElement;

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}

/// <summary>A reply from the fake API.</summary>
public sealed record ApiReply(int Status, object? Body, string ContentType = "application/json",
    IReadOnlyDictionary<string, string>? Headers = null, byte[]? Bytes = null)
{
    public static ApiReply Ok(object body, IReadOnlyDictionary<string, string>? headers = null) => new(200, body, Headers: headers);

    public static ApiReply Problem(int status, string title, string? code = null, object[]? errors = null,
        IReadOnlyDictionary<string, string>? headers = null) =>
        new(status, new { type = "about:blank", title, status, detail = title, code, errors }, "application/problem+json", headers);

    public static ApiReply Png(byte[] bytes) => new(200, null, "image/png", Bytes: bytes);
}
