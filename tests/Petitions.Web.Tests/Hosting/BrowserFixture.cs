using Microsoft.Playwright;

namespace Petitions.Web.Tests.Hosting;

/// <summary>
/// One Chromium (Debian's, at /usr/bin/chromium — tools/install-browser.sh) and one page host for the
/// whole test collection. Playwright's driver ships in the Microsoft.Playwright package; no browser is
/// ever downloaded.
/// </summary>
public class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private PageHost? _host;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser is not started.");

    public PageHost Host => _host ?? throw new InvalidOperationException("The page host is not started.");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"Chromium is missing at {ChromiumPath}. Run tools/install-browser.sh (as root) first.");
        }

        _host = await StartHostAsync();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });
    }

    /// <summary>Where the pages come from: wwwroot alone here; the end-to-end fixture starts the real app.</summary>
    protected virtual async Task<PageHost> StartHostAsync() => await StaticPageHost.StartAsync();

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    /// <summary>A fresh browser context (its own cookies and storage) with the fake API attached.</summary>
    public async Task<PageSession> OpenAsync(Viewport viewport)
    {
        var context = await Browser.NewContextAsync(new()
        {
            ViewportSize = new() { Width = viewport.Width, Height = viewport.Height },
            IsMobile = viewport.IsMobile,
            HasTouch = viewport.IsMobile,
            Locale = "vi-VN",
            TimezoneId = "Asia/Ho_Chi_Minh",
        });
        var page = await context.NewPageAsync();
        var session = new PageSession(Host, context, page, new FakeApi());
        if (!Host.ServesApi)
        {
            await session.Api.AttachAsync(page);
        }

        return session;
    }
}

/// <summary>Viewports the pages are checked at.</summary>
public sealed record Viewport(int Width, int Height, bool IsMobile)
{
    /// <summary>A cheap Android phone: 360 × 740 CSS pixels.</summary>
    public static readonly Viewport Phone = new(360, 740, true);

    public static readonly Viewport Desktop = new(1280, 900, false);
}

[CollectionDefinition(Name)]
public sealed class BrowserTests : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
