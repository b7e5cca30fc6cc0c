using System.Globalization;
using System.Text.Json;

namespace Petitions.LocalHost;

/// <summary>The parts of host.json the local host honours, read and validated once at start-up.</summary>
internal sealed record HostJson(string RoutePrefix, QueueHostOptions Queues)
{
    public static HostJson Read(string scriptRoot)
    {
        var path = Path.Combine(scriptRoot, "host.json");
        if (!File.Exists(path))
        {
            return new HostJson("api", QueueHostOptions.Default);
        }

        using var doc = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var extensions = doc.RootElement.TryGetProperty("extensions", out var ext) ? ext : default;
        var prefix = extensions.ValueKind == JsonValueKind.Object
            && extensions.TryGetProperty("http", out var http)
            && http.TryGetProperty("routePrefix", out var rp)
            ? rp.GetString() ?? "api"
            : "api";
        var queues = extensions.ValueKind == JsonValueKind.Object && extensions.TryGetProperty("queues", out var q)
            ? QueueHostOptions.From(q)
            : QueueHostOptions.Default;
        return new HostJson(prefix, queues);
    }
}

/// <summary>host.json <c>extensions.queues</c> with the platform's defaults.</summary>
internal sealed record QueueHostOptions(
    int BatchSize,
    int NewBatchThreshold,
    TimeSpan VisibilityTimeout,
    TimeSpan MaxPollingInterval,
    int MaxDequeueCount,
    bool Base64)
{
    public static readonly TimeSpan MinPollingInterval = TimeSpan.FromMilliseconds(100);

    public static QueueHostOptions Default { get; } = new(16, 8, TimeSpan.Zero, TimeSpan.FromMinutes(1), 5, true);

    public static QueueHostOptions From(JsonElement section)
    {
        int? Int(string name) => Find(section, name) is { } v ? v.ValueKind == JsonValueKind.Number ? v.GetInt32() : int.Parse(v.GetString()!, CultureInfo.InvariantCulture) : null;
        TimeSpan? Span(string name) => Find(section, name) is { } v ? TimeSpan.Parse(v.GetString()!, CultureInfo.InvariantCulture) : null;

        var batchSize = Int("batchSize") ?? 16;
        var options = new QueueHostOptions(
            batchSize,
            Int("newBatchThreshold") ?? batchSize / 2,
            Span("visibilityTimeout") ?? TimeSpan.Zero,
            Span("maxPollingInterval") ?? TimeSpan.FromMinutes(1),
            Int("maxDequeueCount") ?? 5,
            !string.Equals(Find(section, "messageEncoding")?.GetString(), "none", StringComparison.OrdinalIgnoreCase));
        if (options.BatchSize is < 1 or > 32)
        {
            throw new LocalHostStartupException($"host.json extensions.queues.batchSize is {options.BatchSize}; it must be between 1 and 32.");
        }

        if (options.MaxDequeueCount < 1 || options.NewBatchThreshold < 0 || options.VisibilityTimeout < TimeSpan.Zero || options.MaxPollingInterval < MinPollingInterval)
        {
            throw new LocalHostStartupException("host.json extensions.queues has an invalid value (maxDequeueCount ≥ 1, newBatchThreshold ≥ 0, visibilityTimeout ≥ 0, maxPollingInterval ≥ 100 ms).");
        }

        return options;
    }

    private static JsonElement? Find(JsonElement section, string name) =>
        section.EnumerateObject().Where(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)).Select(p => (JsonElement?)p.Value).FirstOrDefault();
}
