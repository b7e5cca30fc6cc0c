using System.Collections.Concurrent;
using Microsoft.Playwright;
using Petitions.TestKit;

namespace Petitions.Web.Tests.Hosting;

/// <summary>
/// One browser context and page for one test, with the fake API and a record of what went wrong in
/// the page: uncaught script errors and Content-Security-Policy violations fail the test.
/// </summary>
public sealed class PageSession : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _problems = new();

    internal PageSession(PageHost host, IBrowserContext context, IPage page, FakeApi api)
    {
        Host = host;
        Context = context;
        Page = page;
        Api = api;
        page.PageError += (_, error) => _problems.Enqueue($"script error: {error}");
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                _problems.Enqueue($"CSP: {message.Text}");
            }
        };
    }

    public PageHost Host { get; }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    public FakeApi Api { get; }

    public static string ScreenshotFolder => Path.Combine(RepositoryPaths.Root, "TestResults", "screenshots");

    public async Task GotoAsync(string pathAndQuery)
    {
        await Page.GotoAsync(Host.Url(pathAndQuery).ToString(), new() { WaitUntil = WaitUntilState.NetworkIdle });
    }

    /// <summary>Saves a full-page screenshot under TestResults/screenshots for review.</summary>
    public async Task ScreenshotAsync(string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        await Page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, $"{name}.png"), FullPage = true });
    }

    public Task SetCookieAsync(string name, string value) =>
        Context.AddCookiesAsync([new Cookie { Name = name, Value = value, Url = Host.BaseAddress.ToString() }]);

    /// <summary>Fails when the page threw or the browser refused something under the CSP.</summary>
    public void AssertPageHealthy() => Assert.Empty(_problems);

    public async ValueTask DisposeAsync() => await Context.CloseAsync();
}
