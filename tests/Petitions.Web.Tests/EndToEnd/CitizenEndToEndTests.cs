using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Petitions.Web.Tests.Hosting;
using static Microsoft.Playwright.Assertions;

namespace Petitions.Web.Tests.EndToEnd;

/// <summary>The citizens' pages against the real app (API, storage on Azurite, queue processing).</summary>
[Collection(EndToEndTests.Name)]
public sealed partial class CitizenEndToEndTests(AppFixture app)
{
    private static async Task FillComplaintAsync(IPage page, string phone)
    {
        await page.SelectOptionAsync("#unitId", "qn-camtay");
        await page.FillAsync("#title", "Khiếu nại quyết định thu hồi đất");
        await page.FillAsync("#content", "Ngày 01/11/2026 UBND phường ra quyết định thu hồi đất của gia đình tôi không đúng quy định.");
        await page.FillAsync("#decisionNumber", "123/QĐ-UBND");
        await page.FillAsync("#name", "Trần Thị Bình");
        await page.FillAsync("#phone", phone);
        await page.FillAsync("#address", "Tổ 3, phường Cẩm Tây");
    }

    [Fact]
    public async Task A_citizen_files_a_complaint_on_a_phone_and_looks_it_up()
    {
        await using var session = await app.OpenAppAsync(Viewport.Phone);
        await session.GotoAsync("/index.html");
        await Expect(session.Page.Locator("#units li")).Not.ToHaveCountAsync(0);
        await session.ScreenshotAsync("e2e-home-360");

        await session.Page.ClickAsync("a[data-kind-link='complaint']");
        await session.Page.WaitForURLAsync("**/file.html?kind=complaint");
        await FillComplaintAsync(session.Page, "0912 345 678");
        await session.ScreenshotAsync("e2e-file-complaint-360");
        await session.Page.ClickAsync("#submit");

        await session.Page.WaitForURLAsync("**/confirmation.html?**");
        var code = session.Page.Locator("#tracking-code");
        await Expect(code).ToHaveTextAsync(TrackingCode());
        await Expect(session.Page.Locator("#ack-by")).ToHaveTextAsync(DayMonthYear());
        await Expect(session.Page.Locator("#qr")).ToBeVisibleAsync();
        var trackingCode = (await code.TextContentAsync())!;
        await session.ScreenshotAsync("e2e-confirmation-360");

        await session.Page.ClickAsync("#lookup-link");
        await session.Page.WaitForURLAsync("**/lookup.html?code=*");
        Assert.DoesNotContain("0912", session.Page.Url, StringComparison.Ordinal);
        await Expect(session.Page.Locator("#code")).ToHaveValueAsync(trackingCode);
        await session.Page.FillAsync("#phone", "0912.345.678");
        await session.Page.ClickAsync("#lookup button[type=submit]");

        var result = session.Page.Locator("#result");
        await Expect(result.Locator("h2")).ToContainTextAsync(trackingCode);
        await Expect(result.Locator(".case-title")).ToHaveTextAsync("Khiếu nại quyết định thu hồi đất");
        await Expect(result.Locator("dd.status")).Not.ToBeEmptyAsync();
        await Expect(result.Locator("dd").Nth(1)).ToContainTextAsync("Cẩm Tây");
        await Expect(result.Locator("ul li").First).ToContainTextAsync(DayMonthYear());
        await Expect(result.Locator(".timeline li").First).Not.ToBeEmptyAsync();
        Assert.DoesNotContain("0912", session.Page.Url, StringComparison.Ordinal);
        await session.ScreenshotAsync("e2e-lookup-360");
        session.AssertPageHealthy();
    }

    [Fact]
    public async Task A_bad_phone_number_shows_the_pages_own_error_next_to_the_field_and_nothing_is_filed()
    {
        await using var session = await app.OpenAppAsync(Viewport.Phone);
        var posts = new List<string>();
        session.Page.Request += (_, request) =>
        {
            if (request.Method == "POST" && request.Url.EndsWith("/api/cases", StringComparison.Ordinal))
            {
                posts.Add(request.Url);
            }
        };
        await session.GotoAsync("/file.html?kind=complaint");
        await FillComplaintAsync(session.Page, "12345");

        await session.Page.ClickAsync("#submit");

        await Expect(session.Page.Locator("#err-phone")).ToContainTextAsync("Số điện thoại không hợp lệ");
        await Expect(session.Page.Locator("#phone")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(session.Page.Locator("#phone")).ToBeFocusedAsync();
        Assert.Empty(posts);
        session.AssertPageHealthy();
    }

    /// <summary>
    /// The app accepts every number the page accepts (its rule is a superset: landlines, 84… without the plus), so no
    /// typed number reaches the server's check through the page. The test therefore rewrites the phone in the POST the
    /// page sends, on its way to the real app: the app's own problem+json (field <c>citizen.phone</c>) must come back
    /// and be shown under the phone field.
    /// </summary>
    [Fact]
    public async Task The_servers_phone_error_is_shown_next_to_the_field()
    {
        await using var session = await app.OpenAppAsync(Viewport.Phone);
        await session.Page.RouteAsync("**/api/cases", async route =>
        {
            var body = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(route.Request.PostData!)!;
            var citizen = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(body["citizen"].GetRawText())!;
            citizen["phone"] = JsonSerializer.SerializeToElement("0123");
            body["citizen"] = JsonSerializer.SerializeToElement(citizen);
            await route.ContinueAsync(new() { PostData = System.Text.Encoding.UTF8.GetBytes(JsonSerializer.Serialize(body)) });
        });
        await session.GotoAsync("/file.html?kind=complaint");
        await FillComplaintAsync(session.Page, "0912345678");
        var answer = session.Page.WaitForResponseAsync(r => r.Url.EndsWith("/api/cases", StringComparison.Ordinal) && r.Request.Method == "POST");

        await session.Page.ClickAsync("#submit");

        var response = await answer;
        Assert.Equal(400, response.Status);
        Assert.StartsWith("application/problem+json", response.Headers["content-type"], StringComparison.Ordinal);
        await Expect(session.Page.Locator("#err-phone")).ToHaveTextAsync("Số điện thoại không hợp lệ (ví dụ 0912 345 678).");
        await Expect(session.Page.Locator("#phone")).ToHaveAttributeAsync("aria-invalid", "true");
        Assert.EndsWith("/file.html?kind=complaint", session.Page.Url, StringComparison.Ordinal);
        await session.ScreenshotAsync("e2e-file-server-phone-error-360");
        session.AssertPageHealthy();
    }

    private static Regex DayMonthYear() => DayMonthYearPattern();

    private static Regex TrackingCode() => TrackingCodePattern();

    [GeneratedRegex(@"\d{2}/\d{2}/\d{4}")]
    private static partial Regex DayMonthYearPattern();

    [GeneratedRegex(@"^HS-[0-9A-Z]{4}-[0-9A-Z]{4}$")]
    private static partial Regex TrackingCodePattern();
}
