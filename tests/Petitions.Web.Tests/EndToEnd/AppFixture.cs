using Petitions.Web.Tests.Hosting;

namespace Petitions.Web.Tests.EndToEnd;

/// <summary>Chromium and one real app (<see cref="AppPageHost"/>) shared by the end-to-end tests.</summary>
public sealed class AppFixture : BrowserFixture
{
    /// <summary>
    /// How long a page may take to load or an expectation to come true. The real app serves every page, script and API
    /// call through its functions on a shared two-core machine (and Azurite beside it), so loads of many seconds
    /// happen under load; waits stay condition-based, only their limit is generous.
    /// </summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <summary>A fresh context on the real app with <see cref="Patience"/> for navigations, actions and expectations.</summary>
    public async Task<PageSession> OpenAppAsync(Viewport viewport)
    {
        var session = await OpenAsync(viewport);
        session.Context.SetDefaultTimeout((float)Patience.TotalMilliseconds);
        session.Context.SetDefaultNavigationTimeout((float)Patience.TotalMilliseconds);
        return session;
    }

    protected override async Task<PageHost> StartHostAsync()
    {
        // Process-wide (Playwright has no per-context expectation timeout); it only lengthens the limit of waits.
        Microsoft.Playwright.Assertions.SetDefaultExpectTimeout((float)TimeSpan.FromSeconds(20).TotalMilliseconds);
        return await AppPageHost.StartAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class EndToEndTests : ICollectionFixture<AppFixture>
{
    public const string Name = "End to end";
}
