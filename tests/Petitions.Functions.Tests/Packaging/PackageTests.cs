using System.IO.Compression;
using System.Net;
using System.Reflection;
using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using Petitions.LocalHost;
using Petitions.TestKit;

namespace Petitions.Functions.Tests.Packaging;

/// <summary>The deployable package: the isolated worker's publish output, its archive, and the packaged worker run by a host.</summary>
public sealed class PackageTests(PublishedPackage package) : IClassFixture<PublishedPackage>
{
    [Fact]
    public void The_package_is_the_publish_output_of_the_worker_with_host_json_and_no_development_settings()
    {
        foreach (var file in new[] { "Petitions.Functions.dll", "functions.metadata", "worker.config.json", "extensions.json", "host.json", "wwwroot/index.html" })
        {
            Assert.True(File.Exists(Path.Combine(package.Layout, file)), $"{file} is missing from the package");
        }

        Assert.Equal(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "host.json")), File.ReadAllText(Path.Combine(package.Layout, "host.json")));
        Assert.False(File.Exists(Path.Combine(package.Layout, "local.settings.json")), "development settings must not be deployed");
        Assert.Empty(Directory.EnumerateFiles(package.Layout, "function.json", SearchOption.AllDirectories));
        using var worker = JsonDocument.Parse(File.ReadAllText(Path.Combine(package.Layout, "worker.config.json")));
        Assert.Equal("Petitions.Functions.dll", worker.RootElement.GetProperty("description").GetProperty("defaultWorkerPath").GetString());
    }

    [Fact]
    public void Functions_metadata_lists_every_function_of_the_assembly()
    {
        var declared = typeof(Petitions.Functions.App.PetitionsComposition).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods())
            .Select(m => m.GetCustomAttribute<FunctionAttribute>()?.Name)
            .OfType<string>()
            .Order(StringComparer.Ordinal);
        using var metadata = JsonDocument.Parse(File.ReadAllText(Path.Combine(package.Layout, "functions.metadata")));

        var listed = metadata.RootElement.EnumerateArray().Select(f => f.GetProperty("name").GetString()!).Order(StringComparer.Ordinal);

        Assert.Equal(declared, listed);
    }

    [Fact]
    public void The_zip_holds_the_same_layout()
    {
        using var zip = ZipFile.OpenRead(package.Zip);
        var names = zip.Entries.Select(e => e.FullName.TrimStart('.', '/')).ToHashSet();

        foreach (var file in new[] { "host.json", "functions.metadata", "worker.config.json", "extensions.json", "Petitions.Functions.dll", "wwwroot/index.html" })
        {
            Assert.Contains(file, names);
        }

        Assert.Contains(zip.Entries, e => e.FullName.Contains(".azurefunctions/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_packaged_worker_runs_under_a_functions_host_with_app_settings_only()
    {
        // In Azure the settings are app settings (no local.settings.json in the package): give the host all of them.
        var settings = FunctionsAppHost.LocalSettings();
        foreach (var (key, value) in FunctionsAppHost.DefaultSettings())
        {
            settings[key] = value;
        }

        settings["AZURE_FUNCTIONS_ENVIRONMENT"] = "Production";
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using var host = await LocalFunctionsHost.StartAsync(
            new LocalHostOptions { ScriptRoot = package.Layout, Urls = "http://127.0.0.1:0", Settings = settings }, timeout.Token);
        using var http = new HttpClient { BaseAddress = host.BaseAddress };

        using var health = await http.GetAsync(new Uri("/api/health", UriKind.Relative));
        using var dev = await http.GetAsync(new Uri("/dev/staff", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, dev.StatusCode);
    }
}
