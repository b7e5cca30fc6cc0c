using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;
using Petitions.TestKit;

namespace Petitions.Web.Tests.Hosting;

/// <summary>Serves functions/Petitions.Functions/wwwroot on 127.0.0.1 (a free port) with the app's CSP.</summary>
public sealed class StaticPageHost : PageHost
{
    private readonly WebApplication _app;

    private StaticPageHost(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public static string WebRoot =>
        Path.Combine(RepositoryPaths.Root, "functions", "Petitions.Functions", "wwwroot");

    /// <summary>Where the build finds Chart.js (its npm package): served as /lib/chart.umd.min.js, as the app does.</summary>
    public static string LibraryRoot =>
        Path.Combine(RepositoryPaths.Root, "functions", "Petitions.Functions", "node_modules", "chart.js", "dist");

    public override Uri BaseAddress { get; }

    public override bool ServesApi => false;

    public static async Task<StaticPageHost> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { WebRootPath = WebRoot });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
        var app = builder.Build();
        app.Use(async (context, next) =>
        {
            context.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
            context.Response.Headers.XContentTypeOptions = "nosniff";
            await next(context);
        });
        var files = new PhysicalFileProvider(WebRoot);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files });

        // /lib: the browser libraries the build copies from npm (functions/Petitions.Functions/package.json).
        app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(LibraryRoot), RequestPath = "/lib" });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new StaticPageHost(app, new Uri(address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal)));
    }

    public override async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
