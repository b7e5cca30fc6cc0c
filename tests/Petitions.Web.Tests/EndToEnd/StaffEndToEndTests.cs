using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Petitions.TestKit;
using Petitions.Web.Tests.Hosting;
using static Microsoft.Playwright.Assertions;

namespace Petitions.Web.Tests.EndToEnd;

/// <summary>The staff pages against the real app: dev sign-in, case actions with their dialogs, what the citizen then sees.</summary>
[Collection(EndToEndTests.Name)]
public sealed partial class StaffEndToEndTests(AppFixture app)
{
    private static readonly TimeZoneInfo Vietnam = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    [Fact]
    public async Task Staff_sign_in_accept_reassign_and_resolve_and_the_citizens_lookup_shows_it_resolved()
    {
        var code = await EndToEndSteps.FileAsync(app.Host, "Khiếu nại quyết định thu hồi đất", "Tôi không đồng ý với quyết định thu hồi đất số 12/QĐ-UBND.");
        await using var staff = await app.OpenAppAsync(Viewport.Desktop);
        await staff.GotoAsync("/staff/login.html");
        await Expect(staff.Page.Locator("#dev-login")).ToBeVisibleAsync();
        await staff.ScreenshotAsync("e2e-staff-login-1280");
        await EndToEndSteps.SignInAsync(staff, "qn-camtay-head");
        await EndToEndSteps.OpenAssignedCaseAsync(staff, code);
        var page = staff.Page;

        // The dashboard once the case is open in the head's unit: real counts, both charts (the backlog names the unit),
        // the "mine" list (a head's own queue; the case itself is the officer's).
        await staff.GotoAsync("/staff/index.html");
        await Expect(page.Locator("#count-mine")).ToHaveTextAsync(Digits());
        await Expect(page.Locator("#charts figure.chart")).ToHaveCountAsync(2);
        await Expect(page.Locator("#charts figure.chart").Nth(1)).ToContainTextAsync("Cẩm Tây");
        await Expect(page.Locator("#case-list")).Not.ToBeEmptyAsync();
        await Expect(page.Locator("#page-status")).ToBeHiddenAsync();
        await staff.ScreenshotAsync("e2e-staff-dashboard-1280");
        await staff.GotoAsync($"/staff/case.html?code={code}");
        await Expect(page.Locator("#case h1")).ToContainTextAsync(code);
        var officer = page.Locator("#case dl.facts").Nth(1).Locator("dd").Nth(2);
        var firstOfficer = (await officer.TextContentAsync())!;
        var status = page.Locator("#case .tag.status");
        var before = (await status.TextContentAsync())!;

        await EndToEndSteps.ActAsync(page, "classify", p => p.SelectOptionAsync("#action-decision", "accept"));
        await Expect(status).Not.ToHaveTextAsync(before);

        // Reassign to the unit's other officer (names from the demo organisation).
        var (otherId, otherName) = firstOfficer.Contains("Lâm Văn Việt", StringComparison.Ordinal)
            ? ("qn-camtay-officer2", "Châu Thị Xuân")
            : ("qn-camtay-officer1", "Lâm Văn Việt");
        await EndToEndSteps.ActAsync(page, "reassign", p => p.SelectOptionAsync("#action-officerId", otherId));
        await Expect(officer).ToHaveTextAsync(otherName);

        // The head's desk lists the case with its new officer once the relay has updated the index.
        var row = page.Locator($"#desk-list tr[data-code='{code}'] td.officer");
        await Eventually.Until(async () =>
        {
            await staff.GotoAsync($"/staff/head.html?officer={otherId}");
            await Expect(page.Locator("#desk-total")).Not.ToBeEmptyAsync();
            return await row.CountAsync() == 1 ? await row.TextContentAsync() : null;
        }, text => text == otherName, TimeSpan.FromSeconds(60), $"the desk shows {code} with {otherName}");
        await Expect(page.Locator("#page-status")).ToBeHiddenAsync();
        await staff.ScreenshotAsync("e2e-staff-head-1280");
        await staff.GotoAsync($"/staff/case.html?code={code}");
        await Expect(officer).ToHaveTextAsync(otherName);

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(TimeProvider.System.GetUtcNow(), Vietnam).DateTime);
        await EndToEndSteps.ActAsync(page, "resolve", async p =>
        {
            await p.FillAsync("#action-decisionNumber", "45/QĐ-UBND");
            await p.FillAsync("#action-decisionDate", today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            await p.FillAsync("#action-summary", "Giữ nguyên quyết định thu hồi đất.");
        });
        await Expect(page.Locator("#case .timeline")).ToContainTextAsync("45/QĐ-UBND");
        await Expect(status).ToHaveAttributeAsync("data-status", "resolved");
        await Expect(status).ToHaveTextAsync("Đã giải quyết");
        await staff.ScreenshotAsync("e2e-staff-case-1280");
        staff.AssertPageHealthy();

        await using var citizen = await app.OpenAppAsync(Viewport.Phone);
        await citizen.GotoAsync($"/lookup.html?code={code}");
        await citizen.Page.FillAsync("#phone", EndToEndSteps.Phone);
        await citizen.Page.ClickAsync("#lookup button[type=submit]");
        await Expect(citizen.Page.Locator("#result dd.status")).ToHaveTextAsync("Đã giải quyết");
        await Expect(citizen.Page.Locator("#result .timeline")).ToContainTextAsync("Đã giải quyết ngày");
        citizen.AssertPageHealthy();
    }

    [Fact]
    public async Task Script_and_image_payloads_in_a_letter_stay_inert_text_on_the_staff_case_page()
    {
        const string Title = "<script>window.__pwned = 'title'; alert('title')</script>";
        const string Content = "<img src=x onerror=\"window.__pwned='content'; alert('content')\"> <script>console.log('pwned')</script>";
        var code = await EndToEndSteps.FileAsync(app.Host, Title, Content);
        await using var staff = await app.OpenAppAsync(Viewport.Desktop);
        var dialogs = new List<string>();
        var pwned = new List<string>();
        staff.Page.Dialog += (_, dialog) => dialogs.Add(dialog.Message);
        staff.Page.Console += (_, message) =>
        {
            if (message.Text.Contains("pwned", StringComparison.Ordinal))
            {
                pwned.Add(message.Text);
            }
        };
        await EndToEndSteps.SignInAsync(staff, "qn-camtay-head");

        await EndToEndSteps.OpenAssignedCaseAsync(staff, code);

        await Expect(staff.Page.Locator("#case-title")).ToHaveTextAsync(Title);
        await Expect(staff.Page.Locator("#letter-content")).ToHaveTextAsync(Content);
        await Expect(staff.Page.Locator("#case img")).ToHaveCountAsync(0);
        await Expect(staff.Page.Locator("#case script")).ToHaveCountAsync(0);
        Assert.Equal("none", await staff.Page.EvaluateAsync<string>("() => window.__pwned ?? 'none'"));
        Assert.Empty(dialogs);
        Assert.Empty(pwned);
        await staff.ScreenshotAsync("e2e-staff-case-script-payload-1280");
        staff.AssertPageHealthy();
    }

    [GeneratedRegex(@"^\d+$")]
    private static partial Regex Digits();
}
