using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Petitions.Functions.Runtime.Metadata;
using Petitions.TestKit;

namespace Petitions.Functions.Tests.Metadata;

public class HostJsonTests
{
    private static readonly IConfiguration NoSettings = new ConfigurationBuilder().Build();

    [Fact]
    public void Product_host_json_declares_the_custom_handler_and_the_queue_semantics()
    {
        var json = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "host.json"));
        var host = HostSettings.Parse(json, "host.json");

        Assert.Equal("2.0", host.Version);
        Assert.Equal("bin/Petitions.Functions", host.DefaultExecutablePath);
        Assert.True(host.EnableProxyingHttpRequest);
        Assert.Equal(string.Empty, host.RoutePrefix);
        Assert.Equal(new QueueHostSettings(5, TimeSpan.FromSeconds(30), 16, TimeSpan.FromSeconds(2)), host.Queues);

        using var document = JsonDocument.Parse(json);
        var bundle = document.RootElement.GetProperty("extensionBundle");
        Assert.Equal("Microsoft.Azure.Functions.ExtensionBundle", bundle.GetProperty("id").GetString());
        Assert.Equal("[4.*, 5.0.0)", bundle.GetProperty("version").GetString());
    }

    [Fact]
    public void Every_product_function_json_parses_and_http_routes_are_api_dev_or_the_pages()
    {
        var folder = Path.Combine(RepositoryPaths.Root, "functions", "Petitions.Functions", "Functions");
        var definitions = Directory.EnumerateDirectories(folder)
            .Where(d => File.Exists(Path.Combine(d, "function.json")))
            .Select(d => FunctionCatalog.ParseFunction(Path.GetFileName(d), d, File.ReadAllText(Path.Combine(d, "function.json")), NoSettings))
            .ToList();

        Assert.Contains(definitions, d => d.Name == "GetHealth");
        // routePrefix is "": API routes say "api/", development routes "dev/", the SMS short link "t/", and one
        // catch-all serves the pages.
        Assert.All(
            definitions.Where(d => d.Name != "WebPages").Select(d => d.Trigger).OfType<HttpTriggerBinding>(),
            http => Assert.Matches("^(api|dev|t|r)/", http.Route));
        var pages = Assert.IsType<HttpTriggerBinding>(Assert.Single(definitions, d => d.Name == "WebPages").Trigger);
        Assert.Equal("{*path}", pages.Route);
    }

    [Fact]
    public void Host_json_without_version_2_is_refused()
    {
        var error = Assert.Throws<FunctionMetadataException>(() => HostSettings.Parse("""{ "version": "1.0" }""", "host.json"));
        Assert.Contains("\"2.0\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Host_defaults_apply_when_extensions_are_absent()
    {
        var host = HostSettings.Parse("""{ "version": "2.0" }""", "host.json");

        Assert.Equal("api", host.RoutePrefix);
        Assert.Equal(QueueHostSettings.Default, host.Queues);
    }
}
