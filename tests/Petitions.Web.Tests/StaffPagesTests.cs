using Petitions.Web.Tests.Hosting;
using static Microsoft.Playwright.Assertions;

namespace Petitions.Web.Tests;

/// <summary>The staff pages, with the API faked in the browser.</summary>
[Collection(BrowserTests.Name)]
public sealed class StaffPagesTests(BrowserFixture browser)
{
    private const string Csrf = "csrf-token-1b2c";
    private static readonly Dictionary<string, string> Etag1 = new() { ["ETag"] = "W/\"1\"" };

    private async Task<PageSession> OpenSignedInAsync(Viewport viewport)
    {
        var session = await browser.OpenAsync(viewport);
        await session.SetCookieAsync("petitions_csrf", Csrf);
        session.Api
            .On("GET", "/api/units", ApiReply.Ok(Samples.Units))
            .On("GET", "/api/staff/me", ApiReply.Ok(Samples.Me()));
        return session;
    }

    [Fact]
    public async Task A_script_in_a_letter_renders_as_text_on_the_case_page()
    {
        await using var session = await OpenSignedInAsync(Viewport.Desktop);
        session.Api.On("GET", $"/api/staff/cases/{Samples.TrackingCode}",
            ApiReply.Ok(Samples.CaseDetail(title: Samples.ScriptPayload, content: Samples.ScriptPayload), Etag1));

        await session.GotoAsync($"/staff/case.html?code={Samples.TrackingCode}");

        await Expect(session.Page.Locator("#letter-content")).ToHaveTextAsync(Samples.ScriptPayload);
        await Expect(session.Page.Locator("#case-title")).ToHaveTextAsync(Samples.ScriptPayload);
        Assert.Equal(0, await session.Page.Locator("#case script, #case img").CountAsync());
        Assert.True(await session.Page.EvaluateAsync<bool>("() => window.__pwned === undefined"), "the payload never ran");
        await session.ScreenshotAsync("staff-case-script-payload");
        session.AssertPageHealthy();
    }

    [Fact]
    public async Task Each_deadline_shows_its_limit_source_and_explanation()
    {
        await using var session = await OpenSignedInAsync(Viewport.Phone);
        session.Api.On("GET", $"/api/staff/cases/{Samples.TrackingCode}", ApiReply.Ok(Samples.CaseDetail(), Etag1));

        await session.GotoAsync($"/staff/case.html?code={Samples.TrackingCode}");

        var clock = session.Page.Locator(".clock").First;
        await Expect(clock).ToContainTextAsync("Thụ lý: 03/12/2026");
        await Expect(clock).ToContainTextAsync("10 ngày · Căn cứ: Luật Khiếu nại 2011, Điều 27");
        await clock.Locator("summary").ClickAsync();
        await Expect(clock.Locator("details li")).ToHaveTextAsync(
        [
            "Quy định: Thụ lý (Khiếu nại) trong 10 ngày — Luật Khiếu nại 2011, Điều 27.",
            "Ngày phát sinh: 23/11/2026; bắt đầu tính từ ngày hôm sau, 24/11/2026.",
            "Ngày thứ 10/10 ngày: 03/12/2026.",
            "Hạn: 03/12/2026.",
        ]);
        await session.ScreenshotAsync("staff-case-360");
        session.AssertPageHealthy();
    }

    [Fact]
    public async Task The_timeline_clock_names_explanations_and_legal_notes_are_said_in_the_readers_language()
    {
        await using var session = await OpenSignedInAsync(Viewport.Desktop);
        session.Api.On("GET", $"/api/staff/cases/{Samples.TrackingCode}", ApiReply.Ok(Samples.CaseDetail(), Etag1));
        await session.GotoAsync($"/staff/case.html?code={Samples.TrackingCode}");

        var timeline = session.Page.Locator("#case .timeline li");
        await Expect(timeline).ToHaveCountAsync(4);
        await Expect(timeline.Nth(0)).ToContainTextAsync("Hệ thống: Tiếp nhận đơn (Khiếu nại) ngày 23/11/2026.");
        await Expect(timeline.Nth(1)).ToContainTextAsync(
            "Chuyển đến UBND xã Cẩm Tây giải quyết; người đứng đầu chịu trách nhiệm: Lê Văn Chủ; chuyên viên xử lý: Nguyễn Văn An (giải quyết tại đơn vị — Luật Khiếu nại 2011, Điều 17, 19, 21 (người đứng đầu");
        await Expect(timeline.Nth(2)).ToContainTextAsync("Cảnh báo \"báo người đứng đầu\" cho thời hạn Thụ lý (hạn 03/12/2026); đã báo: chuyên viên xử lý, người đứng đầu.");
        await Expect(timeline.Nth(3)).ToContainTextAsync("Nguyễn Văn An: Sự kiện newThing: on: 01/12/2026");
        var second = session.Page.Locator(".clock").Nth(1);
        await Expect(second).ToContainTextAsync("Gửi quyết định giải quyết: 08/12/2026 (đang chạy)");
        await Expect(second).ToContainTextAsync("Căn cứ: Luật Khiếu nại 2011, Điều 32 (chưa đối chiếu: chưa đọc văn bản ngày 03/12/2026)");
        await second.Locator("summary").ClickAsync();
        await Expect(second.Locator("details li").Nth(2)).ToHaveTextAsync("Không tính ngày 05/12/2026: ngày nghỉ cuối tuần.");
        var vietnamese = await session.Page.Locator("#case").InnerTextAsync();
        foreach (var english in new[] { "Routed", "Rule", "Due:", "unverified", "the head whose", "weekend", "running", "System" })
        {
            Assert.DoesNotContain(english, vietnamese, StringComparison.Ordinal);
        }

        await session.Page.ClickAsync("#lang-switch");
        await Expect(timeline.Nth(1)).ToContainTextAsync(
            "System: Routed to Cam Tay Commune People's Committee; responsible head Lê Văn Chủ; officer Nguyễn Văn An (handled here — Luật Khiếu nại 2011, Điều 17, 19, 21: the head whose");
        await Expect(second).ToContainTextAsync("Sending the decision: 8 Dec 2026 (running)");
        await Expect(second.Locator("details li").Nth(2)).ToHaveTextAsync("Not counted: 5 Dec 2026 — weekend.");
        session.AssertPageHealthy();
    }

    [Fact]
    public async Task An_action_is_confirmed_in_a_dialog_and_sent_with_the_ETag_and_the_CSRF_token()
    {
        await using var session = await OpenSignedInAsync(Viewport.Desktop);
        session.Api
            .On("GET", $"/api/staff/cases/{Samples.TrackingCode}", ApiReply.Ok(Samples.CaseDetail(), Etag1))
            .On("POST", $"/api/staff/cases/{Samples.TrackingCode}/classify",
                ApiReply.Ok(Samples.CaseDetail(status: "accepted", etag: "W/\"2\""), new Dictionary<string, string> { ["ETag"] = "W/\"2\"" }));
        await session.GotoAsync($"/staff/case.html?code={Samples.TrackingCode}");

        await session.Page.ClickAsync("button[data-action=classify]");
        await Expect(session.Page.Locator("#action-dialog")).ToBeVisibleAsync();
        await session.Page.SelectOptionAsync("#action-decision", "accept");
        await session.Page.FillAsync("#action-reason", "Đủ điều kiện thụ lý");
        await session.ScreenshotAsync("staff-case-dialog");
        await session.Page.ClickAsync("#dialog-confirm");

        await Expect(session.Page.Locator("#action-dialog")).ToBeHiddenAsync();
        await Expect(session.Page.Locator("#page-status")).ToHaveTextAsync("Đã thực hiện: Phân loại.");
        await Expect(session.Page.Locator(".case-meta")).ToContainTextAsync("Đã thụ lý");
        var sent = Assert.Single(session.Api.Sent("POST", "/api/staff/cases/"));
        Assert.Equal("W/\"1\"", sent.Header("if-match"));
        Assert.Equal(Csrf, sent.Header("x-csrf-token"));
        Assert.Equal("accept", sent.Json.GetProperty("decision").GetString());
        Assert.Equal("Đủ điều kiện thụ lý", sent.Json.GetProperty("reason").GetString());
        session.AssertPageHealthy();
    }

    [Fact]
    public async Task A_stale_ETag_says_someone_else_changed_the_case_and_reload_shows_the_new_version()
    {
        await using var session = await OpenSignedInAsync(Viewport.Phone);
        session.Api
            .On("GET", $"/api/staff/cases/{Samples.TrackingCode}", ApiReply.Ok(Samples.CaseDetail(), Etag1))
            .On("POST", $"/api/staff/cases/{Samples.TrackingCode}/close", ApiReply.Problem(409, "Conflict", "case.changed"));
        await session.GotoAsync($"/staff/case.html?code={Samples.TrackingCode}");
        await session.Page.ClickAsync("button[data-action=close]");
        await session.Page.ClickAsync("#dialog-confirm");

        var conflict = session.Page.Locator("#conflict");
        await Expect(conflict).ToBeVisibleAsync();
        await Expect(conflict).ToContainTextAsync("Hồ sơ đã được người khác thay đổi");
        await Expect(session.Page.Locator("#reload")).ToBeFocusedAsync();
        await session.ScreenshotAsync("staff-case-conflict-360");

        session.Api.On("GET", $"/api/staff/cases/{Samples.TrackingCode}",
            ApiReply.Ok(Samples.CaseDetail(status: "resolved", etag: "W/\"3\""), new Dictionary<string, string> { ["ETag"] = "W/\"3\"" }));
        await session.Page.ClickAsync("#reload");

        await Expect(conflict).ToBeHiddenAsync();
        await Expect(session.Page.Locator(".case-meta")).ToContainTextAsync("Đã giải quyết");
        session.AssertPageHealthy();
    }

    [Fact]
    public async Task Dashboard_shows_the_counts_and_draws_the_charts()
    {
        await using var session = await OpenSignedInAsync(Viewport.Desktop);
        session.Api
            .On("GET", "/api/staff/dashboard", ApiReply.Ok(Samples.Dashboard))
            .On("GET", @"/api/staff/cases\?view=mine.*", ApiReply.Ok(Samples.CaseList((Samples.TrackingCode, "qn-camtay", "Khiếu nại quyết định thu hồi đất"))))
            .On("GET", @"/api/staff/cases\?view=overdue.*", ApiReply.Ok(Samples.CaseList(("TC-2026-000009", "qn-camtay", "Tố cáo cán bộ địa chính"))));

        await session.GotoAsync("/staff/index.html");

        await Expect(session.Page.Locator("#count-mine")).ToHaveTextAsync("7");
        await Expect(session.Page.Locator("#count-overdue")).ToHaveTextAsync("1");
        await Expect(session.Page.Locator("#case-list")).ToContainTextAsync(Samples.TrackingCode);
        var charts = session.Page.Locator("#charts figure");
        await Expect(charts).ToHaveCountAsync(2);
        // Drawn by Chart.js (served from /lib, our own files) on a canvas, with the same figures as a table.
        await Expect(charts.Nth(0)).ToHaveAttributeAsync("data-chart", "drawn");
        await Expect(charts.Nth(1)).ToHaveAttributeAsync("data-chart", "drawn");
        await Expect(charts.Nth(0).Locator("canvas")).ToHaveAttributeAsync("role", "img");
        await Expect(charts.Nth(0).Locator(".chart-table tbody tr")).ToHaveCountAsync(2);
        await Expect(charts.Nth(0).Locator(".chart-table")).ToContainTextAsync("UBND xã Ba Chẽ");
        await Expect(charts.Nth(0).Locator(".chart-table")).ToContainTextAsync("80%");
        var canvasWidth = await charts.Nth(0).Locator("canvas").EvaluateAsync<int>("c => c.width");
        Assert.True(canvasWidth > 100, $"canvas {canvasWidth} px wide");
        await session.ScreenshotAsync("staff-dashboard");

        await session.Page.ClickAsync("button[data-view=overdue]");

        await Expect(session.Page.Locator("button[data-view=overdue]")).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(session.Page.Locator("#case-list")).ToContainTextAsync("TC-2026-000009");
        session.AssertPageHealthy();
    }

    [Fact]
    public async Task The_heads_desk_lists_the_units_cases_filters_by_clock_and_reassigns_the_ticked_ones_with_their_ETags()
    {
        await using var session = await OpenSignedInAsync(Viewport.Phone);
        session.Api
            .On("GET", "/api/staff/me", ApiReply.Ok(Samples.Me("head")))
            .On("GET", @"/api/staff/desk\?.*", ApiReply.Ok(Samples.Desk(("KN-2026-000001", "running", "camtay-officer-1"), ("KN-2026-000002", "overdue", "camtay-officer-2"))))
            .On("GET", @"/api/staff/desk\?.*clock=overdue.*", ApiReply.Ok(Samples.Desk(("KN-2026-000002", "overdue", "camtay-officer-2"))))
            .On("GET", "/api/staff/cases/KN-2026-000002", ApiReply.Ok(Samples.CaseDetail(), new Dictionary<string, string> { ["ETag"] = "W/\"7\"" }))
            .On("POST", "/api/staff/desk/reassign", ApiReply.Ok(new
            {
                officerId = "camtay-officer-1",
                cases = new[] { new { trackingCode = "KN-2026-000002", result = "reassigned", status = 200, etag = "W/\"8\"", code = (string?)null } },
            }));

        await session.GotoAsync("/staff/head.html");

        var rows = session.Page.Locator("#desk-list tbody tr");
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(rows.Nth(1)).ToContainTextAsync("Quá hạn");
        await Expect(rows.Nth(1).Locator("td.officer")).ToHaveTextAsync("Trần Văn Bảo");
        await Expect(session.Page.Locator("#workload tbody tr")).ToHaveCountAsync(2);
        await Expect(session.Page.Locator("#desk-total")).ToHaveTextAsync("Có 2 hồ sơ.");

        await session.Page.SelectOptionAsync("#filter-clock", "overdue");
        await Expect(rows).ToHaveCountAsync(1);
        Assert.Contains(session.Api.Sent("GET", "/api/staff/desk"), r => r.PathAndQuery.Contains("clock=overdue", StringComparison.Ordinal));

        await rows.Nth(0).Locator("input.pick").CheckAsync();
        await Expect(session.Page.Locator("#bulk-reassign")).ToBeEnabledAsync();
        await session.Page.SelectOptionAsync("#bulk-officer", "camtay-officer-1");
        await session.Page.ClickAsync("#bulk-reassign");

        await Expect(session.Page.Locator("#bulk-status")).ToHaveTextAsync("Đã giao 1 hồ sơ.");
        var sent = Assert.Single(session.Api.Sent("POST", "/api/staff/desk/reassign")).Json;
        Assert.Equal("camtay-officer-1", sent.GetProperty("officerId").GetString());
        Assert.Equal("W/\"7\"", sent.GetProperty("cases")[0].GetProperty("etag").GetString());
        Assert.Equal("KN-2026-000002", sent.GetProperty("cases")[0].GetProperty("trackingCode").GetString());
        await session.ScreenshotAsync("staff-head-desk-360");
        session.AssertPageHealthy();
    }

    [Fact]
    public async Task Without_a_session_staff_are_sent_to_sign_in_and_the_development_login_brings_them_back()
    {
        await using var session = await browser.OpenAsync(Viewport.Phone);
        await session.SetCookieAsync("petitions_csrf", Csrf);
        var signedIn = false;
        session.Api
            .On("GET", "/api/units", ApiReply.Ok(Samples.Units))
            .On("GET", "/api/staff/dashboard", ApiReply.Ok(Samples.Dashboard))
            .On("GET", @"/api/staff/cases\?.*", ApiReply.Ok(Samples.CaseList()))
            .On("GET", "/api/staff/me", _ => signedIn
                ? ApiReply.Ok(Samples.Me())
                : ApiReply.Problem(401, "Unauthorized", headers: new Dictionary<string, string> { ["x-petitions-auth-mode"] = "development" }))
            .On("GET", "/dev/staff", ApiReply.Ok(new[] { Samples.Me(), Samples.Me("head") }))
            .On("POST", "/dev/login", _ =>
            {
                signedIn = true;
                return ApiReply.Ok(Samples.Me());
            });

        await session.GotoAsync("/staff/index.html");

        await Expect(session.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/staff/login\\.html\\?returnTo="));
        await Expect(session.Page.Locator("#dev-staff button")).ToHaveCountAsync(2);
        await Expect(session.Page.Locator("#platform-login")).ToBeHiddenAsync();
        await session.ScreenshotAsync("staff-login-360");
        await session.Page.Locator("#dev-staff button").First.ClickAsync();

        await Expect(session.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/staff/index\\.html$"));
        await Expect(session.Page.Locator("#me")).ToContainTextAsync("Nguyễn Văn An");
        var login = Assert.Single(session.Api.Sent("POST", "/dev/login"));
        Assert.Equal("camtay-officer-1", login.Json.GetProperty("staffId").GetString());
        Assert.Equal(Csrf, login.Header("x-csrf-token"));
        session.AssertPageHealthy();
    }

    [Fact]
    public async Task In_Azure_the_sign_in_page_offers_the_platform_sign_in()
    {
        await using var session = await browser.OpenAsync(Viewport.Phone);
        session.Api.On("GET", "/api/staff/me",
            ApiReply.Problem(401, "Unauthorized", headers: new Dictionary<string, string> { ["x-petitions-auth-mode"] = "platform" }));

        await session.GotoAsync("/staff/login.html");

        await Expect(session.Page.Locator("#platform-link")).ToHaveAttributeAsync("href", "/.auth/login/aad?post_login_redirect_uri=%2Fstaff%2Findex.html");
        await Expect(session.Page.Locator("#dev-login")).ToBeHiddenAsync();
        Assert.Empty(session.Api.Sent("GET", "/dev/staff"));
        session.AssertPageHealthy();
    }
}
