using Microsoft.Playwright;
using Petitions.Web.Tests.Hosting;
using static Microsoft.Playwright.Assertions;

namespace Petitions.Web.Tests;

/// <summary>Reception days for staff (issue 9): the dashboard's flags and staff/reception.html, with the API faked in the browser.</summary>
[Collection(BrowserTests.Name)]
public sealed class StaffReceptionPagesTests(BrowserFixture browser)
{
    private const string Csrf = "csrf-token-9f3e";
    private const string SessionsRoute = "/api/reception/qn-camtay/sessions.*";
    private const string AgendaRoute = $"/api/reception/sessions/{Samples.ThursdaySession}/agenda";

    private const string WeeklySource =
        "Luật Tiếp công dân 2013 (42/2013/QH13), Điều 15 khoản 2 điểm d: Chủ tịch UBND cấp xã trực tiếp tiếp công dân tại trụ sở UBND cấp xã ít nhất 01 ngày trong 01 tuần";

    private const string MonthlySource =
        "Luật Tiếp công dân 2013, Điều 15 as amended by Luật 136/2025/QH15 (Điều 1), in force 2026-07-01: ít nhất 02 ngày trong 01 tháng";

    /// <summary>Signed in as the unit's head by default: only a head or deputy is offered "cancel".</summary>
    private async Task<PageSession> OpenSignedInAsync(Viewport viewport, string role = "head")
    {
        var session = await browser.OpenAsync(viewport);
        await session.SetCookieAsync("petitions_csrf", Csrf);
        session.Api
            .On("GET", "/api/units", ApiReply.Ok(Samples.Units))
            .On("GET", "/api/staff/me", ApiReply.Ok(Samples.Me(role)))
            .On("GET", "/api/staff/dashboard", ApiReply.Ok(Samples.Dashboard))
            .On("GET", @"/api/staff/cases\?.*", ApiReply.Ok(Samples.CaseList()))
            .On("GET", SessionsRoute, ApiReply.Ok(Samples.ReceptionSessions))
            .On("GET", AgendaRoute, ApiReply.Ok(Samples.Agenda()));
        return session;
    }

    private static async Task AssertFitsAsync(IPage page, int width)
    {
        var scroll = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scroll <= width, $"the page fits a {width} px screen ({scroll} px)");
    }

    [Fact]
    public async Task Dashboard_flags_each_schedule_below_the_minimum_with_its_source_and_marks_an_unconfirmed_figure()
    {
        await using var session = await OpenSignedInAsync(Viewport.Phone);
        session.Api
            .On("GET", "/api/reception/flags", ApiReply.Ok(Samples.Flags("2026-05",
                Samples.Flag("qn-quangha", "UBND xã Quảng Hà", "2026-05-04", "2026-05-10", 1, 0, confirmed: true, WeeklySource))))
            .On("GET", @"/api/reception/flags\?month=2026-04", ApiReply.Problem(500, "Server error"))
            .On("GET", @"/api/reception/flags\?month=2026-06", ApiReply.Ok(Samples.Flags("2026-06")))
            .On("GET", @"/api/reception/flags\?month=2026-07", ApiReply.Ok(Samples.Flags("2026-07",
                Samples.Flag("qn-quangha", "UBND xã Quảng Hà", "2026-07-01", "2026-07-31", 2, 1, confirmed: false, MonthlySource))));

        await session.GotoAsync("/staff/index.html");

        var flag = session.Page.Locator("#flags-list .flag[data-unit=qn-quangha]");
        await Expect(flag).ToContainTextAsync("UBND xã Quảng Hà");
        await Expect(flag).ToContainTextAsync("Kỳ: 04/05/2026 – 10/05/2026");
        await Expect(flag).ToContainTextAsync("Có lịch 0 trên 1 ngày tối thiểu");
        await Expect(flag).ToContainTextAsync($"Căn cứ: {WeeklySource}");
        await Expect(flag.Locator(".flag-unconfirmed")).ToHaveCountAsync(0);
        await Expect(session.Page.Locator("#flags-month")).ToHaveValueAsync("2026-05");
        Assert.Single(session.Api.Sent("GET", "/api/reception/flags"), r => r.PathAndQuery == "/api/reception/flags");

        await session.Page.ClickAsync("#flags-next");

        await Expect(session.Page.Locator("#flags-list .flags-none")).ToHaveTextAsync("Tháng 06/2026: tất cả lịch tiếp công dân đều đạt mức tối thiểu.");

        await session.Page.ClickAsync("#flags-next");

        await Expect(flag).ToContainTextAsync("Có lịch 1 trên 2 ngày tối thiểu");
        await Expect(flag.Locator(".flag-unconfirmed")).ToHaveTextAsync("Số liệu chưa được đối chiếu với văn bản luật");
        await Expect(session.Page.Locator("#page-status")).ToBeHiddenAsync();
        await AssertFitsAsync(session.Page, 360);
        await session.ScreenshotAsync("staff-dashboard-flags-360");

        await session.Page.FillAsync("#flags-month", "2026-04");

        await Expect(session.Page.Locator("#page-status")).ToContainTextAsync("Không tải được lịch tiếp công dân dưới mức tối thiểu");
        await Expect(session.Page.Locator("#flags-list .flag")).ToHaveCountAsync(0);
        session.AssertPageHealthy();
    }

    [Fact]
    public async Task Reception_page_lists_the_units_sessions_with_moved_cancelled_and_unscheduled_ones_at_360_px()
    {
        await using var session = await OpenSignedInAsync(Viewport.Phone);

        await session.GotoAsync("/staff/reception.html");

        await Expect(session.Page.Locator("#unit-line")).ToHaveTextAsync("Đơn vị: UBND xã Cẩm Tây");
        await Expect(session.Page.Locator("#sessions .session")).ToHaveCountAsync(4);
        var planned = session.Page.Locator($"[data-session='{Samples.ThursdaySession}']");
        await Expect(planned).ToContainTextAsync("07/01/2027, 07:30–11:30");
        await Expect(planned).ToContainTextAsync("Đã đăng ký 3/12 chỗ");
        var unscheduled = session.Page.Locator($"[data-session='{Samples.UnscheduledSession}']");
        await Expect(unscheduled).ToContainTextAsync("Tiếp đột xuất: Vụ việc đông người về bồi thường đất");
        await Expect(session.Page.Locator($"[data-session='{Samples.MovedSession}']")).ToContainTextAsync("Dời từ ngày 14/01/2027: Nghỉ bù");
        var cancelled = session.Page.Locator($"[data-session='{Samples.CancelledSession}']");
        await Expect(cancelled).ToContainTextAsync("Đã hủy: Chủ tịch họp HĐND");
        await Expect(cancelled.Locator("[data-cancel]")).ToHaveCountAsync(0);
        var list = Assert.Single(session.Api.Sent("GET", "/api/reception/qn-camtay/sessions"));
        Assert.Matches(@"\?from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}$", list.PathAndQuery);
        await Expect(session.Page.Locator("nav a[href='/staff/reception.html']")).ToHaveTextAsync("Tiếp công dân");
        await AssertFitsAsync(session.Page, 360);
        await session.ScreenshotAsync("staff-reception-360");

        await planned.Locator("[data-agenda]").ClickAsync();

        await Expect(session.Page.Locator("#agenda .agenda-item")).ToHaveCountAsync(3);
        await AssertFitsAsync(session.Page, 360);
        await session.ScreenshotAsync("staff-reception-agenda-360");
        session.AssertPageHealthy();
    }

    [Fact]
    public async Task The_agenda_puts_the_overdue_case_first_with_its_deadline_and_a_link_to_the_case()
    {
        await using var session = await OpenSignedInAsync(Viewport.Desktop);
        await session.GotoAsync("/staff/reception.html");

        await session.Page.ClickAsync($"[data-session='{Samples.ThursdaySession}'] [data-agenda]");

        var items = session.Page.Locator("#agenda .agenda-item");
        await Expect(items).ToHaveCountAsync(3);
        var first = items.Nth(0);
        await Expect(first).ToHaveAttributeAsync("data-priority", "true");
        await Expect(first.Locator(".tag.priority")).ToHaveTextAsync("Ưu tiên · Quá hạn");
        await Expect(first).ToContainTextAsync("Lê Văn Cường");
        await Expect(first).ToContainTextAsync("và 6 người cùng ký đơn");
        await Expect(first).ToContainTextAsync("Đăng ký qua Zalo");
        await Expect(first).ToContainTextAsync("Đang giải quyết");
        await Expect(first.Locator(".deadlines")).ToHaveTextAsync("Giải quyết: 05/01/2027");
        await Expect(first.Locator($"a[href='/staff/case.html?code={Samples.TrackingCode}']")).ToHaveTextAsync(Samples.TrackingCode);
        await Expect(items.Nth(1)).ToContainTextAsync("Chỗ số 1 · 07:30");
        await Expect(items.Nth(2)).ToContainTextAsync("Danh tính người tố cáo được giữ bí mật");
        await Expect(session.Page.Locator("#agenda-heading")).ToBeFocusedAsync();
        await Expect(session.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"session={Samples.ThursdaySession}$"));
        await session.ScreenshotAsync("staff-reception-agenda");
        session.AssertPageHealthy();
    }

    [Fact]
    public async Task A_walk_in_is_posted_with_the_CSRF_token_and_the_agenda_is_refreshed()
    {
        await using var session = await OpenSignedInAsync(Viewport.Phone);
        session.Api.On("POST", $"/api/reception/sessions/{Samples.ThursdaySession}/walk-ins", _ =>
        {
            session.Api.On("GET", AgendaRoute, ApiReply.Ok(Samples.Agenda(
                Samples.AgendaItem("W4LK1N00", 4, "08:30:00", "Phạm Thị Dung", null, "Hỏi về trợ cấp", "counter"))));
            return new ApiReply(201, new { bookingCode = "W4LK1N00", sessionId = Samples.ThursdaySession, place = 4, overCapacity = false });
        });
        await session.GotoAsync($"/staff/reception.html?session={Samples.ThursdaySession}");
        await Expect(session.Page.Locator("#agenda .agenda-item")).ToHaveCountAsync(3);

        await session.Page.FillAsync("#walkin-name", "Phạm Thị Dung");
        await session.Page.FillAsync("#walkin-phone", "0912 345 679");
        await session.Page.FillAsync("#walkin-topic", "Hỏi về trợ cấp");
        await session.Page.FillAsync("#walkin-code", "hs-7k2q-9mxt");
        await session.Page.ClickAsync("#walkin-submit");

        await Expect(session.Page.Locator("#walkin-done")).ToHaveTextAsync("Đã thêm: mã đăng ký W4LK1N00, chỗ số 4.");
        await Expect(session.Page.Locator("#agenda .agenda-item")).ToHaveCountAsync(4);
        await Expect(session.Page.Locator("#agenda [data-booking=W4LK1N00]")).ToContainTextAsync("Đến trực tiếp");
        await Expect(session.Page.Locator("#walkin-name")).ToHaveValueAsync(string.Empty);
        var sent = Assert.Single(session.Api.Sent("POST", "/api/reception/sessions/"));
        Assert.Equal(Csrf, sent.Header("x-csrf-token"));
        Assert.Equal("Phạm Thị Dung", sent.Json.GetProperty("citizen").GetProperty("name").GetString());
        Assert.Equal("0912345679", sent.Json.GetProperty("citizen").GetProperty("phone").GetString());
        Assert.Equal("Hỏi về trợ cấp", sent.Json.GetProperty("topic").GetString());
        Assert.Equal("HS-7K2Q-9MXT", sent.Json.GetProperty("trackingCode").GetString());
        Assert.Equal(2, session.Api.Sent("GET", AgendaRoute).Count);
        session.AssertPageHealthy();
    }

    [Fact]
    public async Task A_walk_in_refused_with_a_400_shows_the_messages_next_to_their_fields()
    {
        await using var session = await OpenSignedInAsync(Viewport.Phone);
        session.Api.On("POST", $"/api/reception/sessions/{Samples.ThursdaySession}/walk-ins", Samples.ValidationProblem(
            ("citizen.name", "Give a name (1–100 characters).", "Xin ghi họ tên (1–100 ký tự)."),
            ("topic", "Say what the citizen raises.", "Xin ghi nội dung công dân trình bày."),
            ("representatives[0].name", "Give a name (1–100 characters).", "Xin ghi họ tên (1–100 ký tự).")));
        await session.GotoAsync($"/staff/reception.html?session={Samples.ThursdaySession}");

        await session.Page.FillAsync("#walkin-name", "X");
        await session.Page.FillAsync("#walkin-topic", "Y");
        await session.Page.ClickAsync("#walkin-submit");

        await Expect(session.Page.Locator("#err-walkin-name")).ToHaveTextAsync("Xin ghi họ tên (1–100 ký tự).");
        await Expect(session.Page.Locator("#walkin-name")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(session.Page.Locator("#err-walkin-topic")).ToHaveTextAsync("Xin ghi nội dung công dân trình bày.");
        await Expect(session.Page.Locator("#walkin-status")).ToContainTextAsync("Vui lòng sửa các mục được đánh dấu");
        await Expect(session.Page.Locator("#walkin-name")).ToBeFocusedAsync();
        await Expect(session.Page.Locator("#err-walkin-phone")).ToBeHiddenAsync();
        session.AssertPageHealthy();
    }

    [Fact]
    public async Task A_walk_in_without_a_name_is_not_sent()
    {
        await using var session = await OpenSignedInAsync(Viewport.Phone);
        await session.GotoAsync($"/staff/reception.html?session={Samples.ThursdaySession}");

        await session.Page.FillAsync("#walkin-topic", "Hỏi về trợ cấp");
        await session.Page.FillAsync("#walkin-phone", "12345");
        await session.Page.ClickAsync("#walkin-submit");

        await Expect(session.Page.Locator("#err-walkin-name")).ToHaveTextAsync("Vui lòng điền mục này.");
        await Expect(session.Page.Locator("#err-walkin-phone")).ToBeVisibleAsync();
        Assert.Empty(session.Api.Sent("POST", "/api/reception/sessions/"));
        session.AssertPageHealthy();
    }

    [Fact]
    public async Task A_session_is_cancelled_through_the_dialog_with_a_reason_and_a_409_is_explained()
    {
        await using var session = await OpenSignedInAsync(Viewport.Phone);
        var cancelRoute = $"/api/reception/sessions/{Samples.ThursdaySession}/cancel";
        session.Api.On("POST", cancelRoute, _ =>
        {
            session.Api.On("GET", SessionsRoute, ApiReply.Ok(new[]
            {
                Samples.Session(Samples.ThursdaySession, "2027-01-07T07:30:00+07:00", "2027-01-07T11:30:00+07:00", placesLeft: 0,
                    status: "cancelled", reason: "Bão số 3"),
            }));
            return ApiReply.Ok(new { sessionId = Samples.ThursdaySession, status = "cancelled", reason = "Bão số 3", bookingsNotified = 3, alreadyCancelled = false });
        });
        await session.GotoAsync("/staff/reception.html");
        var planned = session.Page.Locator($"[data-session='{Samples.ThursdaySession}']");

        await planned.Locator("[data-cancel]").ClickAsync();
        var dialog = session.Page.Locator("#cancel-dialog");
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(session.Page.Locator("#cancel-text")).ToContainTextAsync("07/01/2027, 07:30–11:30");
        await session.Page.ClickAsync("#cancel-confirm");
        await Expect(session.Page.Locator("#err-cancel-reason")).ToHaveTextAsync("Vui lòng điền mục này.");
        Assert.Empty(session.Api.Sent("POST", cancelRoute));
        await session.Page.FillAsync("#cancel-reason", "Bão số 3");
        await session.ScreenshotAsync("staff-reception-cancel-360");
        await session.Page.ClickAsync("#cancel-confirm");

        await Expect(dialog).ToBeHiddenAsync();
        await Expect(session.Page.Locator("#page-done")).ToHaveTextAsync("Đã hủy buổi tiếp 07/01/2027, 07:30–11:30 (Bão số 3); đã gửi tin nhắn báo cho 3 người đăng ký.");
        await Expect(planned).ToContainTextAsync("Đã hủy: Bão số 3");
        await Expect(planned.Locator("[data-cancel]")).ToHaveCountAsync(0);
        var sent = Assert.Single(session.Api.Sent("POST", cancelRoute));
        Assert.Equal("Bão số 3", sent.Json.GetProperty("reason").GetString());
        Assert.Equal(Csrf, sent.Header("x-csrf-token"));

        // Someone cancelled the moved session meanwhile: the app answers 409.
        session.Api.On("GET", SessionsRoute, ApiReply.Ok(Samples.ReceptionSessions));
        session.Api.On("POST", $"/api/reception/sessions/{Samples.MovedSession}/cancel", ApiReply.Problem(409, "Conflict", "session.cancelled"));
        await session.Page.ClickAsync("#range-show");
        await session.Page.ClickAsync($"[data-session='{Samples.MovedSession}'] [data-cancel]");
        await session.Page.FillAsync("#cancel-reason", "Trùng lịch họp");
        await session.Page.ClickAsync("#cancel-confirm");

        await Expect(dialog).ToBeHiddenAsync();
        await Expect(session.Page.Locator("#page-status")).ToHaveTextAsync("Không hủy được: buổi tiếp đã bị hủy hoặc đã bắt đầu.");
        await Expect(session.Page.Locator("#page-done")).ToBeHiddenAsync();
        session.AssertPageHealthy();
    }

    [Fact]
    public async Task A_cancel_refused_with_a_403_says_only_the_head_or_deputy_may_and_officers_are_not_offered_it()
    {
        await using var session = await OpenSignedInAsync(Viewport.Desktop, "deputy");
        session.Api.On("POST", $"/api/reception/sessions/{Samples.ThursdaySession}/cancel", ApiReply.Problem(403, "Forbidden"));
        await session.GotoAsync("/staff/reception.html");

        await session.Page.ClickAsync($"[data-session='{Samples.ThursdaySession}'] [data-cancel]");
        await session.Page.FillAsync("#cancel-reason", "Bão");
        await session.Page.ClickAsync("#cancel-confirm");

        await Expect(session.Page.Locator("#page-status")).ToHaveTextAsync("Chỉ người đứng đầu hoặc cấp phó của đơn vị được hủy buổi tiếp.");
        await Expect(session.Page.Locator("#cancel-dialog")).ToBeHiddenAsync();

        session.Api.On("GET", "/api/staff/me", ApiReply.Ok(Samples.Me("officer")));
        await session.Page.ReloadAsync();

        await Expect(session.Page.Locator("#sessions .session")).ToHaveCountAsync(4);
        await Expect(session.Page.Locator("#sessions [data-cancel]")).ToHaveCountAsync(0);
        session.AssertPageHealthy();
    }

    [Fact]
    public async Task An_unscheduled_reception_is_recorded_and_then_listed()
    {
        await using var session = await OpenSignedInAsync(Viewport.Phone);
        const string route = "/api/reception/units/qn-camtay/unscheduled";
        var recorded = Samples.Session("qn-camtay-dotxuat-20270112-1400", "2027-01-12T14:00:00+07:00", "2027-01-12T16:30:00+07:00",
            capacity: 0, placesLeft: 0, reason: "Vụ việc gay gắt, phức tạp, có nhiều người tham gia", kind: "unscheduled", place: "Hội trường UBND xã");
        session.Api.On("POST", route, Samples.ValidationProblem(("place", "Say where.", "Xin ghi địa điểm tiếp."), ("date", "Use the form YYYY-MM-DD.", "Ngày theo dạng YYYY-MM-DD.")));
        await session.GotoAsync("/staff/reception.html");

        await session.Page.ClickAsync("#open-unscheduled");
        await Expect(session.Page.Locator("#unscheduled-dialog")).ToBeVisibleAsync();
        await Expect(session.Page.Locator("#unscheduled-place")).ToHaveValueAsync("Phòng tiếp công dân, UBND xã Cẩm Tây");
        await session.Page.FillAsync("#unscheduled-date", "2027-01-12");
        await session.Page.FillAsync("#unscheduled-start", "14:00");
        await session.Page.FillAsync("#unscheduled-end", "13:00");
        await session.Page.FillAsync("#unscheduled-place", "Hội trường UBND xã");
        await session.Page.FillAsync("#unscheduled-note", "Ông Phạm Văn Nội cùng 12 hộ dân tổ 7");
        await session.Page.ClickAsync("#unscheduled-confirm");
        await Expect(session.Page.Locator("#err-unscheduled-end")).ToHaveTextAsync("Giờ kết thúc phải sau giờ bắt đầu.");
        await Expect(session.Page.Locator("#err-unscheduled-ground")).ToHaveTextAsync("Vui lòng điền mục này.");
        Assert.Empty(session.Api.Sent("POST", route));
        await session.Page.SelectOptionAsync("#unscheduled-ground", "complex");

        await session.Page.FillAsync("#unscheduled-end", "16:30");
        await session.Page.ClickAsync("#unscheduled-confirm");
        await Expect(session.Page.Locator("#err-unscheduled-place")).ToHaveTextAsync("Xin ghi địa điểm tiếp.");
        await Expect(session.Page.Locator("#err-unscheduled-date")).ToHaveTextAsync("Ngày theo dạng YYYY-MM-DD.");

        session.Api.On("POST", route, ApiReply.Problem(409, "Conflict"));
        await session.Page.ClickAsync("#unscheduled-confirm");
        await Expect(session.Page.Locator("#unscheduled-status")).ToHaveTextAsync("Đã có buổi tiếp đột xuất vào ngày và giờ bắt đầu này.");

        session.Api.On("POST", route, _ =>
        {
            session.Api.On("GET", SessionsRoute, ApiReply.Ok(Samples.ReceptionSessions.Append(recorded).ToArray()));
            return new ApiReply(201, recorded);
        });
        await session.Page.ClickAsync("#unscheduled-confirm");

        await Expect(session.Page.Locator("#unscheduled-dialog")).ToBeHiddenAsync();
        await Expect(session.Page.Locator("#page-done")).ToHaveTextAsync("Đã ghi nhận buổi tiếp đột xuất 12/01/2027, 14:00–16:30.");
        var listed = session.Page.Locator("[data-session='qn-camtay-dotxuat-20270112-1400']");
        await Expect(listed).ToContainTextAsync("Tiếp đột xuất: Vụ việc gay gắt, phức tạp, có nhiều người tham gia");
        await Expect(listed).ToHaveAttributeAsync("data-kind", "unscheduled");
        var sent = session.Api.Sent("POST", route);
        Assert.Equal(3, sent.Count);
        var body = sent[^1].Json;
        Assert.Equal("2027-01-12", body.GetProperty("date").GetString());
        Assert.Equal("14:00", body.GetProperty("start").GetString());
        Assert.Equal("16:30", body.GetProperty("end").GetString());
        Assert.Equal("Hội trường UBND xã", body.GetProperty("place").GetString());
        Assert.Equal("complex", body.GetProperty("ground").GetString());
        Assert.Equal("Ông Phạm Văn Nội cùng 12 hộ dân tổ 7", body.GetProperty("note").GetString());
        Assert.False(body.TryGetProperty("reason", out _));
        Assert.Equal(Csrf, sent[^1].Header("x-csrf-token"));
        session.AssertPageHealthy();
    }

    [Fact]
    public async Task A_meeting_is_recorded_on_the_case_from_its_agenda_line()
    {
        await using var session = await OpenSignedInAsync(Viewport.Phone);
        const string route = $"/api/reception/sessions/{Samples.ThursdaySession}/meetings";
        session.Api.On("POST", route, new ApiReply(201, new { caseId = Samples.TrackingCode, sequence = 7 }));
        await session.GotoAsync($"/staff/reception.html?session={Samples.ThursdaySession}");

        await session.Page.ClickAsync("#agenda [data-meeting='4HBD2W0P']");
        await Expect(session.Page.Locator("#meeting-code")).ToHaveValueAsync(Samples.TrackingCode);
        await Expect(session.Page.Locator("#meeting-attendees")).ToHaveValueAsync("Lê Văn Cường\nNguyễn Văn An");
        await session.Page.FillAsync("#meeting-raised", "Chưa nhận được tiền bồi thường");
        await session.Page.FillAsync("#meeting-direction", "Phòng TN-MT kiểm tra, trả lời trong 10 ngày");
        await session.Page.FillAsync("#meeting-followup", "2027-01-20");
        await session.Page.ClickAsync("#meeting-submit");

        await Expect(session.Page.Locator("#meeting-done")).ToHaveTextAsync($"Đã ghi biên bản vào hồ sơ {Samples.TrackingCode}.");
        var sent = Assert.Single(session.Api.Sent("POST", route));
        Assert.Equal(Samples.TrackingCode, sent.Json.GetProperty("trackingCode").GetString());
        Assert.Equal(["Lê Văn Cường", "Nguyễn Văn An"], sent.Json.GetProperty("attendees").EnumerateArray().Select(a => a.GetString()!).ToArray());
        Assert.Equal("2027-01-20", sent.Json.GetProperty("followUpDate").GetString());
        Assert.Equal(Csrf, sent.Header("x-csrf-token"));

        session.Api.On("POST", route, ApiReply.Problem(404, "Not found"));
        await session.Page.FillAsync("#meeting-code", "HS-0000-0000");
        await session.Page.FillAsync("#meeting-attendees", "Lê Văn Cường");
        await session.Page.FillAsync("#meeting-raised", "Đất");
        await session.Page.FillAsync("#meeting-direction", "Xem lại");
        await session.Page.ClickAsync("#meeting-submit");

        await Expect(session.Page.Locator("#meeting-status")).ToHaveTextAsync("Không tìm thấy hồ sơ HS-0000-0000 hoặc buổi tiếp này.");
        session.AssertPageHealthy();
    }

    [Fact]
    public async Task Text_from_the_data_is_shown_as_text_and_never_runs()
    {
        await using var session = await OpenSignedInAsync(Viewport.Desktop);
        session.Api
            .On("GET", SessionsRoute, ApiReply.Ok(new[]
            {
                Samples.Session(Samples.ThursdaySession, "2027-01-07T07:30:00+07:00", "2027-01-07T11:30:00+07:00",
                    place: Samples.ScriptPayload, head: Samples.ScriptPayload),
                Samples.Session(Samples.CancelledSession, "2027-01-21T07:30:00+07:00", "2027-01-21T11:30:00+07:00", status: "cancelled",
                    reason: Samples.ScriptPayload),
            }))
            .On("GET", AgendaRoute, ApiReply.Ok(Samples.Agenda(
                Samples.AgendaItem("XSS00001", 5, "09:10:00", Samples.ScriptPayload, "<img src=x onerror=\"window.__pwned = 3\">", Samples.ScriptPayload))))
            .On("GET", "/api/reception/flags", ApiReply.Ok(Samples.Flags("2026-05",
                Samples.Flag("qn-x", Samples.ScriptPayload, "2026-05-01", "2026-05-31", 2, 1, confirmed: false, Samples.ScriptPayload))));

        await session.GotoAsync($"/staff/reception.html?session={Samples.ThursdaySession}");

        await Expect(session.Page.Locator($"[data-session='{Samples.ThursdaySession}']")).ToContainTextAsync(Samples.ScriptPayload);
        await Expect(session.Page.Locator($"[data-session='{Samples.CancelledSession}']")).ToContainTextAsync(Samples.ScriptPayload);
        await Expect(session.Page.Locator("#agenda [data-booking=XSS00001] .person-name")).ToHaveTextAsync(Samples.ScriptPayload);
        await Expect(session.Page.Locator("#agenda [data-booking=XSS00001] .agenda-topic")).ToHaveTextAsync(Samples.ScriptPayload);
        Assert.Equal(0, await session.Page.Locator("main img, main script").CountAsync());

        await session.Page.ClickAsync($"[data-session='{Samples.ThursdaySession}'] [data-cancel]");
        await Expect(session.Page.Locator("#cancel-text")).ToContainTextAsync(Samples.ScriptPayload);
        await session.Page.ClickAsync("#cancel-close");

        await session.GotoAsync("/staff/index.html");
        await Expect(session.Page.Locator("#flags-list .flag h3")).ToHaveTextAsync(Samples.ScriptPayload);
        Assert.Equal(0, await session.Page.Locator("main img, main script").CountAsync());
        Assert.True(await session.Page.EvaluateAsync<bool>("() => window.__pwned === undefined"), "the payload never ran");
        session.AssertPageHealthy();
    }

    [Fact]
    public async Task The_English_switch_translates_the_sessions_the_agenda_and_the_flags()
    {
        await using var session = await OpenSignedInAsync(Viewport.Phone);
        session.Api.On("GET", "/api/reception/flags", ApiReply.Ok(Samples.Flags("2026-07",
            Samples.Flag("qn-camtay", "UBND xã Cẩm Tây", "2026-07-01", "2026-07-31", 2, 1, confirmed: false, MonthlySource))));
        await session.GotoAsync($"/staff/reception.html?session={Samples.ThursdaySession}");
        await Expect(session.Page.Locator("#agenda .agenda-item")).ToHaveCountAsync(3);

        await session.Page.ClickAsync("#lang-switch");

        await Expect(session.Page.Locator("h1")).ToHaveTextAsync("Reception days");
        await Expect(session.Page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(session.Page.Locator($"[data-session='{Samples.UnscheduledSession}']")).ToContainTextAsync("Unscheduled reception: ");
        await Expect(session.Page.Locator($"[data-session='{Samples.CancelledSession}']")).ToContainTextAsync("Cancelled: Chủ tịch họp HĐND");
        await Expect(session.Page.Locator($"[data-session='{Samples.ThursdaySession}']")).ToContainTextAsync("7 Jan 2027, 07:30–11:30");
        await Expect(session.Page.Locator("#agenda .agenda-item").First.Locator(".tag.priority")).ToHaveTextAsync("Priority · Overdue");
        await Expect(session.Page.Locator("#agenda .agenda-item").First).ToContainTextAsync("Resolution: 5 Jan 2027");
        await Expect(session.Page.Locator("#agenda-heading")).ToHaveTextAsync("Agenda of 7 Jan 2027, 07:30–11:30");
        await Expect(session.Page.Locator("label[for=walkin-name]")).ToContainTextAsync("Full name");
        await AssertFitsAsync(session.Page, 360);
        await session.ScreenshotAsync("staff-reception-en-360");

        await session.GotoAsync("/staff/index.html");

        await Expect(session.Page.Locator("#flags-heading")).ToHaveTextAsync("Reception below the legal minimum");
        var flag = session.Page.Locator("#flags-list .flag");
        await Expect(flag.Locator("h3")).ToHaveTextAsync("Cam Tay Commune People's Committee");
        await Expect(flag).ToContainTextAsync("Scheduled 1 of the required 2 days");
        await Expect(flag.Locator(".flag-unconfirmed")).ToHaveTextAsync("Figure not confirmed against the statute");
        session.AssertPageHealthy();
    }
}
