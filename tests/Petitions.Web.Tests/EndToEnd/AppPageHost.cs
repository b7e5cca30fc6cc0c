using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Petitions.TestKit;
using Petitions.Web.Tests.Hosting;

namespace Petitions.Web.Tests.EndToEnd;

/// <summary>
/// The real app (Program) in-process on a real socket (Kestrel on 127.0.0.1, a free port) so Chromium can reach it:
/// pages from wwwroot through the WebPages function, the API, dev login, CSP/CSRF middleware and the standalone
/// queue listeners, on a private Azurite, in Development, with random field keys and no demo letters.
/// </summary>
public sealed class AppPageHost : PageHost
{
    private readonly AzuriteServer _azurite;
    private readonly Factory _factory;

    private AppPageHost(AzuriteServer azurite, Factory factory, Uri baseAddress)
    {
        _azurite = azurite;
        _factory = factory;
        BaseAddress = baseAddress;
    }

    public override Uri BaseAddress { get; }

    public override bool ServesApi => true;

    public static Task<AppPageHost> StartAsync()
    {
        // A private emulator: the queue functions listen on fixed queue names (case-intake, …), so an app sharing
        // an emulator with other test apps would lose messages to their listeners.
        var azurite = AzuriteServer.StartPrivate();
        var factory = new Factory(new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Auth:Mode"] = "Development",
            ["Demo:Seed"] = "false",
            ["Security:FieldEncryptionKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Security:PhoneHashKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        });
        factory.UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First(a => a.StartsWith("http://", StringComparison.Ordinal));
        return Task.FromResult(new AppPageHost(azurite, factory, new Uri(address)));
    }

    public override async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        _azurite.Dispose();
    }

    private sealed class Factory(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
            builder.ConfigureServices(services => services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(10)));
        }
    }
}
