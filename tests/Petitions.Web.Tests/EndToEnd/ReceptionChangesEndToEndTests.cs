using Petitions.Web.Tests.Hosting;
using static Microsoft.Playwright.Assertions;

namespace Petitions.Web.Tests.EndToEnd;

/// <summary>
/// Staff changes to the reception calendar against the real app (demo schedules, docs/reception.md §9): the head of
/// qn-camtay cancels a session through the dialog and the public page then shows it cancelled with the reason; an
/// unscheduled reception recorded on its legal ground appears beside the periodic sessions, not bookable.
/// </summary>
[Collection(EndToEndTests.Name)]
public sealed class ReceptionChangesEndToEndTests(AppFixture app)
{
    [Fact]
    public async Task The_head_cancels_a_session_and_records_unscheduled_reception_which_citizens_then_see()
    {
        await using var staff = await app.OpenAppAsync(Viewport.Desktop);
        await EndToEndSteps.SignInAsync(staff, "qn-camtay-head");
        var page = staff.Page;
        await page.ClickAsync("nav a[href='/staff/reception.html']");
        var planned = page.Locator("#sessions .session[data-status=scheduled][data-kind=periodic]");
        await Expect(planned.First).ToBeVisibleAsync();

        // Not the last session: another end-to-end test adds a walk-in there. This one is weeks ahead.
        var count = await planned.CountAsync();
        Assert.True(count >= 3, $"the demo lists {count} planned sessions of qn-camtay");
        var target = planned.Nth(count - 2);
        var sessionId = await target.GetAttributeAsync("data-session");
        await target.Locator("[data-cancel]").ClickAsync();
        await page.FillAsync("#cancel-reason", "Chủ tịch dự họp khẩn tại tỉnh");
        await page.ClickAsync("#cancel-confirm");

        await Expect(page.Locator("#page-done")).ToContainTextAsync("Chủ tịch dự họp khẩn tại tỉnh");
        var cancelled = page.Locator($"#sessions .session[data-session='{sessionId}']");
        await Expect(cancelled).ToHaveAttributeAsync("data-status", "cancelled");
        await Expect(cancelled.Locator("[data-cancel]")).ToHaveCountAsync(0);

        // The dialog proposes today (Asia/Ho_Chi_Minh). The reception is recorded for tomorrow, so that it is still to
        // come whatever the hour the suite runs (the public page lists only sessions that have not ended).
        await page.ClickAsync("#open-unscheduled");
        var proposed = await page.InputValueAsync("#unscheduled-date");
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", proposed);
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        var day = DateOnly.ParseExact(proposed, "yyyy-MM-dd", invariant).AddDays(1).ToString("yyyy-MM-dd", invariant);
        await page.FillAsync("#unscheduled-date", day);
        await page.FillAsync("#unscheduled-start", "14:00");
        await page.FillAsync("#unscheduled-end", "16:00");
        await page.FillAsync("#unscheduled-place", "Nhà văn hóa khu 3");
        await page.SelectOptionAsync("#unscheduled-ground", "complex");
        await page.FillAsync("#unscheduled-note", "Ông Phạm Văn Nội cùng 12 hộ dân");
        await page.ClickAsync("#unscheduled-confirm");

        await Expect(page.Locator("#unscheduled-dialog")).ToBeHiddenAsync();
        var unscheduledId = $"qn-camtay-dotxuat-{day.Replace("-", string.Empty, StringComparison.Ordinal)}-1400";
        await Expect(page.Locator($"#sessions .session[data-session='{unscheduledId}']")).ToHaveAttributeAsync("data-kind", "unscheduled");
        await staff.ScreenshotAsync("e2e-staff-reception-changes-1280");
        staff.AssertPageHealthy();

        await using var citizen = await app.OpenAppAsync(Viewport.Phone);
        await citizen.GotoAsync("/reception.html?unit=qn-camtay");
        var published = citizen.Page.Locator($".session[data-session='{sessionId}']");
        await Expect(published).ToContainTextAsync("Đã hủy: Chủ tịch dự họp khẩn tại tỉnh");
        await Expect(published.Locator("button")).ToHaveCountAsync(0);
        var unscheduled = citizen.Page.Locator($".session[data-session='{unscheduledId}']");
        await Expect(unscheduled).ToContainTextAsync("Vụ việc gay gắt, phức tạp");
        await Expect(unscheduled).Not.ToContainTextAsync("Phạm Văn Nội");
        await Expect(unscheduled.Locator("button")).ToHaveCountAsync(0);
        await citizen.ScreenshotAsync("e2e-public-reception-changes-360");
        citizen.AssertPageHealthy();
    }
}
