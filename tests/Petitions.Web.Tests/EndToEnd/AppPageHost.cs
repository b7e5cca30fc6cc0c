using Petitions.TestKit;
using Petitions.Web.Tests.Hosting;

namespace Petitions.Web.Tests.EndToEnd;

/// <summary>
/// The real function app, as built, under the local Functions host on a real socket (127.0.0.1, a free port) so
/// Chromium can reach it: pages from wwwroot through the WebPages function, the API, dev login, the HTTP policy
/// (CSP, CSRF, staff sign-in) and the queue and timer triggers, on the shared Azurite with its own queues and tables,
/// in Development, with random field keys and no demo letters (<see cref="FunctionsAppHost.DefaultSettings"/>).
/// </summary>
public sealed class AppPageHost : PageHost
{
    private readonly FunctionsAppHost _app;

    private AppPageHost(FunctionsAppHost app) => _app = app;

    public override Uri BaseAddress => _app.BaseAddress;

    public override bool ServesApi => true;

    public static async Task<AppPageHost> StartAsync() => new(await FunctionsAppHost.StartAsync());

    public override async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
