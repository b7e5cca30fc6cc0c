using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Petitions.TestKit;
using Petitions.Web.Tests.Hosting;
using static Microsoft.Playwright.Assertions;

namespace Petitions.Web.Tests.EndToEnd;

/// <summary>
/// A head's day and a day at the level above, in Chromium on the real app, at 1280 px and 390 px, with an axe-core
/// audit of every staff page they pass through. These tests move the app's development clock, so they have an app of
/// their own (collection "Desk end to end"): the other end-to-end tests keep the real time.
/// </summary>
[Collection(DeskEndToEndTests.Name)]
public sealed class DeskEndToEndTests(AppFixture app)
{
    public const string Name = "Desk end to end";

    private static readonly Viewport Narrow = new(390, 844, true);

    public static TheoryData<string> Widths => new() { "1280", "390" };

    private static Viewport Of(string width) => width == "390" ? Narrow : Viewport.Desktop;

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task A_heads_day_sees_the_wards_cases_filters_the_overdue_reassigns_and_acts(string width)
    {
        var code = await FileAsync(width == "390" ? "0912000301" : "0912000302");
        await using var head = await app.OpenAppAsync(Of(width));
        var page = head.Page;
        await head.GotoAsync("/staff/login.html");
        await Expect(page.Locator("#dev-login")).ToBeVisibleAsync();
        await AxeAudit.AssertNoSeriousViolationsAsync(page, "the sign-in page");
        await EndToEndSteps.SignInAsync(head, "qn-camtay-head");
        await EndToEndSteps.OpenAssignedCaseAsync(head, code);
        await head.GotoAsync("/staff/index.html");
        await AxeAudit.AssertNoSeriousViolationsAsync(page, "the dashboard");

        // One click from the dashboard to every open case of the ward, with its due date and officer.
        await page.ClickAsync("#desk-link a");
        var row = page.Locator($"#desk-list tr[data-code='{code}']");
        await Eventually.Until(async () =>
        {
            await head.GotoAsync("/staff/head.html?sort=-due");
            await Expect(page.Locator("#desk-total")).Not.ToBeEmptyAsync();
            return await row.CountAsync();
        }, n => n == 1, TimeSpan.FromSeconds(60), $"the desk lists {code}");
        await Expect(row.Locator("td.officer")).Not.ToHaveTextAsync("—");
        var due = DateOnly.ParseExact((await row.Locator("time").GetAttributeAsync("datetime"))!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        await AxeAudit.AssertNoSeriousViolationsAsync(page, "the head's desk");

        // The day after it was due: filter the overdue ones.
        await SetClockAsync(head, due.AddDays(1));
        await RungFiredAsync(head, code, "overdue");
        await head.GotoAsync("/staff/head.html?sort=-due");
        await page.SelectOptionAsync("#filter-clock", "overdue");
        await Expect(row).ToHaveAttributeAsync("data-clock", "overdue");
        await Expect(row).ToContainTextAsync("Quá hạn");
        await Expect(page.Locator("#desk-list tr[data-clock]:not([data-clock='overdue'])")).ToHaveCountAsync(0);

        // Reassign it to the ward's other officer.
        var before = (await row.Locator("td.officer").TextContentAsync())!;
        var (otherId, otherName) = before.Contains("Lâm Văn Việt", StringComparison.Ordinal)
            ? ("qn-camtay-officer2", "Châu Thị Xuân") : ("qn-camtay-officer1", "Lâm Văn Việt");
        await row.Locator("input.pick").CheckAsync();
        await Expect(page.Locator("#bulk-reassign")).ToBeEnabledAsync();
        await page.SelectOptionAsync("#bulk-officer", otherId);
        await page.ClickAsync("#bulk-reassign");
        await Expect(page.Locator("#bulk-status")).ToHaveTextAsync("Đã giao 1 hồ sơ.");
        await head.ScreenshotAsync($"e2e-desk-overdue-{width}");

        // Open the case and act: it offers what its state allows and says why not the rest.
        await page.ClickAsync($"#desk-list a[href*='{code}']");
        await Expect(page.Locator("#case h1")).ToContainTextAsync(code);
        await Expect(page.Locator("#case dl.facts").Nth(1).Locator("dd").Nth(2)).ToHaveTextAsync(otherName);
        await Expect(page.Locator("button[data-action='resume']")).ToHaveCountAsync(0);
        await Expect(page.Locator(".unavailable li[data-action='resume']")).ToContainTextAsync("trạng thái hiện tại");
        await AxeAudit.AssertNoSeriousViolationsAsync(page, "the case page");
        await EndToEndSteps.ActAsync(page, "classify", p => p.SelectOptionAsync("#action-decision", "accept"));
        await Expect(page.Locator("#case .tag.status")).Not.ToHaveAttributeAsync("data-status", "received");
        await Expect(page.Locator("button[data-action='classify']")).ToHaveCountAsync(0);
        var timeline = await page.Locator("#case .timeline").InnerTextAsync();
        Assert.Contains("Giao chuyên viên " + otherName, timeline, StringComparison.Ordinal);
        Assert.Contains("Thụ lý ngày", timeline, StringComparison.Ordinal);
        await head.ScreenshotAsync($"e2e-desk-case-{width}");

        await head.GotoAsync("/staff/reception.html");
        await Expect(page.Locator("#me")).Not.ToBeEmptyAsync();
        await AxeAudit.AssertNoSeriousViolationsAsync(page, "the reception page");
        head.AssertPageHealthy();
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task A_day_at_the_level_above_the_chairman_sees_a_wards_case_about_to_lapse_opens_it_and_instructs(string width)
    {
        var code = await FileAsync(width == "390" ? "0912000401" : "0912000402");
        await using (var ward = await app.OpenAppAsync(Viewport.Desktop))
        {
            await EndToEndSteps.SignInAsync(ward, "qn-camtay-head");
            await EndToEndSteps.OpenAssignedCaseAsync(ward, code);
            var due = DateOnly.ParseExact((await ward.Page.Locator("#case .clock time").First.GetAttributeAsync("datetime"))!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            await SetClockAsync(ward, LastWorkingDayBefore(due));
            await RungFiredAsync(ward, code, "supervisor");
        }

        await using var chairman = await app.OpenAppAsync(Of(width));
        var page = chairman.Page;
        await EndToEndSteps.SignInAsync(chairman, "qn-head");
        await Expect(page.Locator("#watch-link")).ToBeVisibleAsync();
        await page.ClickAsync("#watch-link a");
        var row = page.Locator($"#watch-cases tr[data-code='{code}']");
        await Eventually.Until(async () =>
        {
            await chairman.GotoAsync("/staff/watch.html");
            await Expect(page.Locator("#watch-horizon")).Not.ToBeEmptyAsync();
            return await row.CountAsync();
        }, n => n == 1, TimeSpan.FromSeconds(60), $"the watch lists {code}");
        await Expect(row).ToContainTextAsync("Ủy ban nhân dân phường Cẩm Tây");
        await Expect(page.Locator("#watch-units tr[data-unit='qn-camtay']")).ToBeVisibleAsync();
        await chairman.ScreenshotAsync($"e2e-watch-{width}");
        await AxeAudit.AssertNoSeriousViolationsAsync(page, "the watch");

        await row.Locator("a").ClickAsync();
        await Expect(page.Locator("#case h1")).ToContainTextAsync(code);
        await Expect(page.Locator("#watch-note")).ToBeVisibleAsync();
        await Expect(page.Locator("#masked-note")).ToContainTextAsync("chỉ hiển thị cho cán bộ xử lý");
        await Expect(page.Locator("#case dl.facts").First.Locator("dd").First).ToHaveTextAsync("***");
        await Expect(page.Locator("#case .actions button")).ToHaveCountAsync(1);
        await AxeAudit.AssertNoSeriousViolationsAsync(page, "the case page from above");
        await EndToEndSteps.ActAsync(page, "instruct", p => p.FillAsync("#action-text", "Đề nghị phường trả lời công dân trước hạn."));
        await Expect(page.Locator("#case .timeline li[data-type='instruction']"))
            .ToContainTextAsync("Chỉ đạo của Ủy ban nhân dân tỉnh Quảng Ninh: Đề nghị phường trả lời công dân trước hạn.");

        // English on request: the same entry in English, no Vietnamese sentence of the page left in it.
        await page.ClickAsync("#lang-switch");
        await Expect(page.Locator("#case .timeline li[data-type='instruction']"))
            .ToContainTextAsync("Instruction from Quang Ninh Provincial People's Committee");
        await chairman.ScreenshotAsync($"e2e-watch-case-{width}");
        chairman.AssertPageHealthy();
    }

    private async Task<string> FileAsync(string phone)
    {
        using var client = new HttpClient { BaseAddress = app.Host.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/cases", UriKind.Relative))
        {
            Content = JsonContent.Create(new
            {
                kind = "complaint", unitId = "qn-camtay", title = "Khiếu nại việc cấp giấy chứng nhận",
                content = "Tôi đề nghị xem xét lại việc cấp giấy chứng nhận quyền sử dụng đất.",
                citizen = new { name = "Phạm Thị Hoa", phone, address = "Phường Cẩm Tây" }, channel = "web",
            }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        using var response = await client.SendAsync(request);
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, $"filing: {(int)response.StatusCode}");
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["trackingCode"]!.GetValue<string>();
    }

    /// <summary>Sets the app's development clock to 09:00 that day in Vietnam (POST /dev/clock with the session's CSRF token).</summary>
    private static async Task SetClockAsync(PageSession session, DateOnly day)
    {
        var csrf = (await session.Context.CookiesAsync()).First(c => c.Name == "petitions_csrf").Value;
        var answer = await session.Context.APIRequest.PostAsync(session.Host.Url("/dev/clock").ToString(), new()
        {
            Headers = new Dictionary<string, string> { ["X-CSRF-Token"] = csrf },
            DataObject = new { now = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T09:00:00+07:00" },
        });
        Assert.True(answer.Ok, $"POST /dev/clock: {answer.Status} {await answer.TextAsync()}");
    }

    /// <summary>
    /// Waits until the escalation the new time brings has been recorded on the case (the sweep and its queue run on
    /// their own), so the page that acts next holds the case's latest ETag.
    /// </summary>
    private static Task<JsonArray> RungFiredAsync(PageSession session, string code, string rung) =>
        Eventually.Until(
            async () =>
            {
                var answer = await session.Context.APIRequest.GetAsync(session.Host.Url($"/api/staff/cases/{code}").ToString());
                return answer.Ok ? JsonNode.Parse(await answer.TextAsync())!["timeline"]!.AsArray() : [];
            },
            timeline => timeline.Any(e => e!["type"]!.GetValue<string>() == "escalated" && e["values"]!["rung"]?.GetValue<string>() == rung),
            TimeSpan.FromSeconds(90),
            $"the {rung} rung recorded on {code}");

    /// <summary>The working day before <paramref name="due"/> (weekends skipped; a holiday there still leaves the case within the lead).</summary>
    private static DateOnly LastWorkingDayBefore(DateOnly due)
    {
        var day = due.AddDays(-1);
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            day = day.AddDays(-1);
        }

        return day;
    }
}

/// <summary>The desk's end-to-end tests share one app of their own (they move its clock).</summary>
[CollectionDefinition(DeskEndToEndTests.Name)]
public sealed class DeskEndToEndApp : ICollectionFixture<AppFixture>;
