using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Petitions.TestKit;
using Petitions.Web.Tests.Hosting;
using static Microsoft.Playwright.Assertions;

namespace Petitions.Web.Tests.EndToEnd;

/// <summary>
/// The staff inbox in Chromium against the real app (issue 21): the header's unread badge, the list, the unread filter,
/// and opening an item marks it read and goes to its case.
/// </summary>
[Collection(EndToEndTests.Name)]
public sealed partial class StaffInboxEndToEndTests(AppFixture app)
{
    [Fact]
    public async Task The_head_sees_the_new_case_in_the_inbox_with_the_unread_badge_and_opening_it_marks_it_read()
    {
        var code = await EndToEndSteps.FileAsync(app.Host, "Khiếu nại việc cấp giấy phép xây dựng", "Tôi đề nghị xem xét lại việc cấp giấy phép xây dựng.");
        await using var staff = await app.OpenAppAsync(Viewport.Desktop);
        await EndToEndSteps.SignInAsync(staff, "qn-camtay-head");
        var page = staff.Page;

        // The routing notice reaches the head's inbox through the queues.
        var row = page.Locator("#inbox-list tr.unread", new() { Has = page.Locator($"a:text-is('{code}')") });
        await Eventually.Until(async () =>
        {
            await staff.GotoAsync("/staff/inbox.html");
            await Expect(page.Locator("#inbox-list")).Not.ToBeEmptyAsync();
            return await row.CountAsync();
        }, count => count > 0, TimeSpan.FromSeconds(120), $"case {code} in the head's inbox");

        await Expect(page.Locator("#inbox-link")).ToContainTextAsync("Hộp thư");
        await Expect(page.Locator("#inbox-unread")).ToHaveTextAsync(Digits());
        await Expect(row.First).ToContainTextAsync("Chưa đọc");
        await page.CheckAsync("#unread-only");
        await Expect(row.First).ToBeVisibleAsync();
        await staff.ScreenshotAsync("e2e-staff-inbox-1280");

        await row.First.Locator("a").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/staff/case\\.html\\?code={Regex.Escape(code)}$"));
        await Expect(page.Locator("#case h1")).ToContainTextAsync(code);

        await staff.GotoAsync("/staff/inbox.html");
        var read = page.Locator("#inbox-list tr.read", new() { Has = page.Locator($"a:text-is('{code}')") });
        await Expect(read.First).ToContainTextAsync("Đã đọc");
        await page.CheckAsync("#unread-only");
        await Expect(read).ToHaveCountAsync(0);

        await page.ClickAsync("#lang-switch");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Work inbox");
        await Expect(page.Locator("#inbox-link")).ToContainTextAsync("Inbox");
        staff.AssertPageHealthy();
    }

    [GeneratedRegex("^[0-9]+$")]
    private static partial Regex Digits();
}
