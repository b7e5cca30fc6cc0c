using System.Globalization;
using System.Text.Json;

namespace Petitions.Functions.Runtime.Metadata;

/// <summary>What the runtime reads from <c>host.json</c>: the Functions host's settings we honour standalone.</summary>
internal sealed record HostSettings(
    string Version,
    string? DefaultExecutablePath,
    bool EnableProxyingHttpRequest,
    string RoutePrefix,
    QueueHostSettings Queues)
{
    public static HostSettings Parse(string json, string source)
    {
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var root = document.RootElement;
        var version = root.TryGetProperty("version", out var v) ? v.GetString() ?? string.Empty : string.Empty;
        if (version != "2.0")
        {
            throw new FunctionMetadataException($"{source}: \"version\" must be \"2.0\" (found \"{version}\").");
        }

        string? executable = null;
        var proxying = false;
        if (root.TryGetProperty("customHandler", out var handler))
        {
            if (handler.TryGetProperty("description", out var description) &&
                description.TryGetProperty("defaultExecutablePath", out var path))
            {
                executable = path.GetString();
            }

            proxying = handler.TryGetProperty("enableProxyingHttpRequest", out var p) && p.ValueKind == JsonValueKind.True;
        }

        var routePrefix = "api";
        var queues = QueueHostSettings.Default;
        if (root.TryGetProperty("extensions", out var extensions))
        {
            if (extensions.TryGetProperty("http", out var http) && http.TryGetProperty("routePrefix", out var prefix))
            {
                routePrefix = prefix.GetString() ?? string.Empty;
            }

            if (extensions.TryGetProperty("queues", out var q))
            {
                queues = new QueueHostSettings(
                    MaxDequeueCount: ReadInt(q, "maxDequeueCount", queues.MaxDequeueCount, source),
                    VisibilityTimeout: ReadTimeSpan(q, "visibilityTimeout", queues.VisibilityTimeout, source),
                    BatchSize: ReadInt(q, "batchSize", queues.BatchSize, source),
                    MaxPollingInterval: ReadTimeSpan(q, "maxPollingInterval", queues.MaxPollingInterval, source));
                if (queues.BatchSize is < 1 or > 32)
                {
                    throw new FunctionMetadataException($"{source}: extensions.queues.batchSize must be 1..32 (found {queues.BatchSize}).");
                }

                if (queues.MaxDequeueCount < 1)
                {
                    throw new FunctionMetadataException($"{source}: extensions.queues.maxDequeueCount must be at least 1.");
                }
            }
        }

        return new HostSettings(version, executable, proxying, routePrefix.Trim('/'), queues);
    }

    private static int ReadInt(JsonElement section, string name, int fallback, string source)
    {
        if (!section.TryGetProperty(name, out var value))
        {
            return fallback;
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n)
            ? n
            : throw new FunctionMetadataException($"{source}: extensions.queues.{name} must be an integer.");
    }

    private static TimeSpan ReadTimeSpan(JsonElement section, string name, TimeSpan fallback, string source)
    {
        if (!section.TryGetProperty(name, out var value))
        {
            return fallback;
        }

        return value.ValueKind == JsonValueKind.String &&
               TimeSpan.TryParse(value.GetString(), CultureInfo.InvariantCulture, out var span) && span >= TimeSpan.Zero
            ? span
            : throw new FunctionMetadataException($"{source}: extensions.queues.{name} must be a time span \"hh:mm:ss\".");
    }
}

/// <summary>
/// <c>extensions.queues</c> of host.json. <see cref="VisibilityTimeout"/> is, as in the Functions host, the delay before a
/// message whose processing failed becomes visible again (the retry interval), not the lease held while processing.
/// </summary>
internal sealed record QueueHostSettings(int MaxDequeueCount, TimeSpan VisibilityTimeout, int BatchSize, TimeSpan MaxPollingInterval)
{
    /// <summary>The Functions host's defaults when host.json says nothing.</summary>
    public static QueueHostSettings Default { get; } = new(5, TimeSpan.Zero, 16, TimeSpan.FromMinutes(1));
}
