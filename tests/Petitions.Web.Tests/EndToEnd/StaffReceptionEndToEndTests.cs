using Petitions.Web.Tests.Hosting;
using static Microsoft.Playwright.Assertions;

namespace Petitions.Web.Tests.EndToEnd;

/// <summary>
/// Reception days for staff against the real app (demo schedules, docs/reception.md §8): the dashboard's flag for
/// qn-quangha (one day a month, below every commune rule), and an officer of qn-camtay adding a walk-in to a session.
/// </summary>
[Collection(EndToEndTests.Name)]
public sealed class StaffReceptionEndToEndTests(AppFixture app)
{
    [Fact]
    public async Task An_officer_sees_the_flag_and_the_units_sessions_and_adds_a_walk_in_to_a_sessions_agenda()
    {
        await using var staff = await app.OpenAppAsync(Viewport.Desktop);
        await EndToEndSteps.SignInAsync(staff, "qn-camtay-officer1");
        var page = staff.Page;

        await Expect(page.Locator("#flags-list .flag[data-unit=qn-quangha]")).ToContainTextAsync("Quảng Hà");
        await Expect(page.Locator("#flags-month")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(@"^\d{4}-\d{2}$"));
        await Expect(page.Locator("#page-status")).ToBeHiddenAsync();
        await staff.ScreenshotAsync("e2e-staff-dashboard-flags-1280");

        await page.ClickAsync("nav a[href='/staff/reception.html']");
        var sessions = page.Locator("#sessions .session:not([data-status=cancelled])");
        await Expect(sessions.First).ToBeVisibleAsync();
        await Expect(page.Locator("#unit-line")).ToContainTextAsync("Cẩm Tây");
        await Expect(page.Locator("#sessions [data-cancel]")).ToHaveCountAsync(0); // an officer may not cancel
        // The last session listed is the furthest ahead, so it has not ended while the test runs.
        await sessions.Last.Locator("[data-agenda]").ClickAsync();
        await Expect(page.Locator("#agenda-section")).ToBeVisibleAsync();
        await Expect(page.Locator("#agenda .hint")).ToHaveCountAsync(0);

        await page.FillAsync("#walkin-name", "Phạm Thị Dung");
        await page.FillAsync("#walkin-topic", "Hỏi về chế độ trợ cấp");
        await page.ClickAsync("#walkin-submit");

        await Expect(page.Locator("#walkin-done")).ToContainTextAsync("Đã thêm");
        var item = page.Locator("#agenda .agenda-item", new() { HasText = "Phạm Thị Dung" });
        await Expect(item).ToContainTextAsync("Hỏi về chế độ trợ cấp");
        await Expect(item).ToContainTextAsync("Đến trực tiếp");
        await Expect(item).ToContainTextAsync("Chỗ số");
        await Expect(page.Locator("#page-status")).ToBeHiddenAsync();
        await Expect(page.Locator("#walkin-status")).ToBeHiddenAsync();
        await staff.ScreenshotAsync("e2e-staff-reception-1280");
        staff.AssertPageHealthy();
    }
}
