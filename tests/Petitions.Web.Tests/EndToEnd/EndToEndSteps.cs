using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Petitions.TestKit;
using Petitions.Web.Tests.Hosting;
using static Microsoft.Playwright.Assertions;

namespace Petitions.Web.Tests.EndToEnd;

/// <summary>Steps the end-to-end tests share: filing a letter straight through the API, signing staff in through the dev login page.</summary>
internal static class EndToEndSteps
{
    public const string Phone = "0912345678";

    /// <summary>Files a complaint with qn-camtay through the real API (as a citizen's browser would) and returns its tracking code.</summary>
    public static async Task<string> FileAsync(PageHost host, string title, string content)
    {
        using var client = new HttpClient { BaseAddress = host.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/cases", UriKind.Relative))
        {
            Content = JsonContent.Create(new
            {
                kind = "complaint",
                unitId = "qn-camtay",
                title,
                content,
                citizen = new { name = "Nguyễn Văn An", phone = Phone, address = "Phường Cẩm Tây" },
                channel = "web",
            }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        using var response = await client.SendAsync(request);
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, $"filing: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["trackingCode"]!.GetValue<string>();
    }

    /// <summary>Signs in on /staff/login.html by choosing the demo user, and waits for the dashboard.</summary>
    public static async Task SignInAsync(PageSession session, string staffId)
    {
        await session.GotoAsync("/staff/login.html");
        var choice = session.Page.Locator($"button[data-staff-id='{staffId}']");
        await Expect(choice).ToBeVisibleAsync();
        await choice.ClickAsync();
        try
        {
            // Polls the page's URL instead of waiting for a navigation event: under load the navigation can
            // commit before a wait for it starts, and then no event ever comes.
            await Expect(session.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/staff/index\\.html"), new() { Timeout = 60_000 });
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException)
        {
            var status = await session.Page.Locator("#page-status").TextContentAsync();
            throw new InvalidOperationException($"Sign-in as {staffId} did not reach the dashboard: at {session.Page.Url}, page status '{status}'.", e);
        }

        await Expect(session.Page.Locator("#me")).Not.ToBeEmptyAsync();
    }

    /// <summary>
    /// Opens the staff case page, reloading until the asynchronous intake (routing, then assignment) has given
    /// the case an officer.
    /// </summary>
    public static async Task OpenAssignedCaseAsync(PageSession session, string code)
    {
        var officer = session.Page.Locator("#case dl.facts").Nth(1).Locator("dd").Nth(2);
        await Eventually.Until(async () =>
        {
            await session.GotoAsync($"/staff/case.html?code={code}");
            await Expect(session.Page.Locator("#case h1")).ToContainTextAsync(code);
            return await officer.TextContentAsync();
        }, text => text is { Length: > 0 } && text != "—", TimeSpan.FromSeconds(120), $"case {code} assigned to an officer");
    }

    /// <summary>Opens an action's dialog, lets <paramref name="fill"/> fill its fields, confirms, and waits for the page to say it is done.</summary>
    public static async Task ActAsync(IPage page, string action, Func<IPage, Task> fill)
    {
        await page.ClickAsync($"button[data-action='{action}']");
        var dialog = page.Locator("#action-dialog");
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(page.Locator("#dialog-text")).Not.ToBeEmptyAsync();
        await fill(page);
        await page.ClickAsync("#dialog-confirm");
        await Expect(dialog).ToBeHiddenAsync();
        await Expect(page.Locator("#page-status")).ToBeVisibleAsync();
    }
}
