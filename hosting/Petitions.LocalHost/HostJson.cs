using System.Text.Json;

namespace Petitions.LocalHost;

/// <summary>The parts of host.json the local host honours.</summary>
internal sealed record HostJson(string RoutePrefix)
{
    public static HostJson Read(string scriptRoot)
    {
        var path = Path.Combine(scriptRoot, "host.json");
        if (!File.Exists(path))
        {
            return new HostJson("api");
        }

        using var doc = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var prefix = doc.RootElement.TryGetProperty("extensions", out var ext)
            && ext.TryGetProperty("http", out var http)
            && http.TryGetProperty("routePrefix", out var rp)
            ? rp.GetString() ?? "api"
            : "api";
        return new HostJson(prefix);
    }
}
