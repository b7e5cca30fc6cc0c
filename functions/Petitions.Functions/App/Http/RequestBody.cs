using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Petitions.Functions.App.Http;

/// <summary>Reading an HTTP function's request: the JSON body as docs/api.md has it, and the client's address.</summary>
internal static class RequestBody
{
    private static readonly JsonSerializerOptions WebDefaults = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// The JSON body (web defaults: camelCase, case-insensitive), or null when it is empty. Malformed JSON throws a
    /// <see cref="BadHttpRequestException"/> (400 problem+json through <see cref="HttpPolicyMiddleware"/>). Read
    /// asynchronously: the worker's server refuses synchronous reads.
    /// </summary>
    public static async Task<T?> ReadJsonAsync<T>(this HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        if (buffer.Length == 0)
        {
            return null;
        }

        return request.ParseJson<T>(buffer.ToArray());
    }

    /// <summary>JSON read as the body would be (web defaults); malformed JSON is a 400 <see cref="BadHttpRequestException"/>.</summary>
    public static T? ParseJson<T>(this HttpRequest request, ReadOnlySpan<byte> json)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        var options = request.HttpContext.RequestServices.GetService<IOptions<JsonOptions>>()?.Value.SerializerOptions
            ?? WebDefaults;
        try
        {
            return JsonSerializer.Deserialize<T>(json, options);
        }
        catch (JsonException e)
        {
            throw new BadHttpRequestException($"The body is not the JSON this route takes ({e.Path}).", StatusCodes.Status400BadRequest, e);
        }
    }

    /// <summary>
    /// The client's address for the flood limit: the first <c>X-Forwarded-For</c> entry, which the host's front end
    /// sets (the connection itself comes from the Functions host on the loopback), else the connection's address.
    /// </summary>
    public static string? ClientAddress(this HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Headers["X-Forwarded-For"].ToString() is { Length: > 0 } forwarded)
        {
            var first = forwarded.Split(',')[0].Trim();

            // "ip:port" (IPv4) as the platform sends it, or a bare address.
            if (System.Net.IPEndPoint.TryParse(first, out var endpoint))
            {
                return endpoint.Address.ToString();
            }

            return first.Length is > 0 and <= 64 ? first : null;
        }

        return request.HttpContext.Connection.RemoteIpAddress?.ToString();
    }
}
