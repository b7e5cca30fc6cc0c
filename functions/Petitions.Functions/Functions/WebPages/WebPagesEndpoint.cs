using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.FileProviders;
using Petitions.Functions.App;
using Petitions.Functions.App.Http;

namespace Petitions.Functions.Functions.WebPages;

/// <summary>
/// <c>GET /{*path}</c>: the web pages from the worker's <c>wwwroot</c> (<c>index.html</c> for a folder). It is the
/// lowest-precedence route: every literal route wins over a catch-all, and it refuses <c>api/</c> and <c>dev/</c> paths
/// itself (a 404 problem), so it never answers for an API route.
/// HTML is revalidated on every visit (<c>no-cache</c>); scripts, styles and images may be cached for an hour.
/// </summary>
public static class WebPagesEndpoint
{
    public const string Name = "WebPages";

    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    /// <summary>The pages, beside the worker (the content root is <see cref="AppContext.BaseDirectory"/>).</summary>
    private static readonly PhysicalFileProvider Files = new(Path.Combine(AppContext.BaseDirectory, "wwwroot"));

    [Function(Name)]
    [FunctionAccess(Audience.Public)]
    public static IResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "{*path}")] HttpRequest req, string? path)
    {
        ArgumentNullException.ThrowIfNull(req);
        var http = req.HttpContext;
        var relative = path ?? string.Empty;
        if (relative.StartsWith("api/", StringComparison.OrdinalIgnoreCase) || relative.Equals("api", StringComparison.OrdinalIgnoreCase) ||
            relative.StartsWith("dev/", StringComparison.OrdinalIgnoreCase) || relative.Contains("..", StringComparison.Ordinal) ||
            relative.Contains('\\', StringComparison.Ordinal))
        {
            return UseCaseResults.Problem(404, "notFound", "Not found.");
        }

        if (relative.Length == 0 || relative.EndsWith('/'))
        {
            relative += "index.html";
        }

        var files = Files;
        var file = files.GetFileInfo(relative);
        if (file is { Exists: true, IsDirectory: true } || (!file.Exists && files.GetDirectoryContents(relative).Exists))
        {
            return TypedResults.Redirect("/" + relative.TrimEnd('/') + "/");
        }

        if (!file.Exists || !ContentTypes.TryGetContentType(file.Name, out var contentType))
        {
            return UseCaseResults.Problem(404, "notFound", "Not found.");
        }

        var html = contentType.StartsWith("text/html", StringComparison.Ordinal);
        http.Response.Headers.CacheControl = html ? "no-cache" : "public, max-age=3600";
        if (contentType.StartsWith("text/", StringComparison.Ordinal) || contentType is "application/javascript" or "text/javascript" or "application/json")
        {
            contentType += "; charset=utf-8";
        }

        return TypedResults.Stream(file.CreateReadStream(), contentType, lastModified: file.LastModified, enableRangeProcessing: false);
    }
}
