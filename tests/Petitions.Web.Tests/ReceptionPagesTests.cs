using Microsoft.Playwright;
using Petitions.Web.Tests.Hosting;
using static Microsoft.Playwright.Assertions;

namespace Petitions.Web.Tests;

/// <summary>The public reception page (issue 9) at a phone's size, with the API faked in the browser.</summary>
[Collection(BrowserTests.Name)]
public sealed class ReceptionPagesTests(BrowserFixture browser)
{
    private static readonly object[] Sessions =
    [
        new
        {
            id = "qn-camtay-chu-tich-20270107", start = "2027-01-07T07:30:00+07:00", end = "2027-01-07T11:30:00+07:00",
            place = "Phòng tiếp công dân, UBND phường Cẩm Tây", head = "Chủ tịch UBND phường Phan Văn Thắng",
            capacity = 12, placesLeft = 3, status = "scheduled", kind = "periodic",
        },
        new
        {
            id = "qn-camtay-chu-tich-20270114", start = "2027-01-14T07:30:00+07:00", end = "2027-01-14T11:30:00+07:00",
            place = "Phòng tiếp công dân, UBND phường Cẩm Tây", head = "Chủ tịch UBND phường Phan Văn Thắng",
            capacity = 12, placesLeft = 0, status = "scheduled", kind = "periodic",
        },
    ];

    [Fact]
    public async Task A_citizen_from_a_Zalo_link_finds_the_next_session_of_their_commune_on_a_phone_and_books_it()
    {
        await using var session = await browser.OpenAsync(Viewport.Phone);
        session.Api.On("GET", "/api/units", ApiReply.Ok(Samples.Units));
        session.Api.On("GET", "/api/reception/qn-camtay/sessions.*", ApiReply.Ok(Sessions));
        session.Api.On("POST", "/api/reception/bookings", ApiReply.Ok(new
        {
            bookingCode = "7K2Q9MXT", sessionId = "qn-camtay-chu-tich-20270107", unitId = "qn-camtay", place = 10,
            date = "2027-01-07", time = "10:30", start = "2027-01-07T07:30:00+07:00", end = "2027-01-07T11:30:00+07:00",
            location = "Phòng tiếp công dân, UBND phường Cẩm Tây", channel = "zalo",
            cancelLink = "https://pakn.example.vn/reception-cancel.html?code=7K2Q9MXT",
        }) with { Status = 201 });

        await session.GotoAsync("/reception.html?unit=qn-camtay&channel=zalo");

        var first = session.Page.Locator("[data-session='qn-camtay-chu-tich-20270107']");
        await Expect(first).ToContainTextAsync("07/01/2027");
        await Expect(first).ToContainTextAsync("Còn 3/12 chỗ");
        await Expect(session.Page.Locator("[data-session='qn-camtay-chu-tich-20270114']")).ToContainTextAsync("Đã hết chỗ");
        await Expect(session.Page.Locator("#ics-link")).ToHaveAttributeAsync("href", "/api/reception/qn-camtay.ics");
        await first.Locator("[data-book]").ClickAsync();
        await Expect(session.Page.Locator("#name")).ToBeFocusedAsync();
        await session.Page.FillAsync("#name", "Trần Thị Bình");
        await session.Page.FillAsync("#phone", "0912 345 678");
        await session.Page.FillAsync("#topic", "Xin gặp Chủ tịch về việc cấp giấy chứng nhận quyền sử dụng đất");
        await session.Page.ClickAsync("#submit");

        await Expect(session.Page.Locator("#booking-code")).ToHaveTextAsync("7K2Q9MXT");
        await Expect(session.Page.Locator("#confirmation")).ToContainTextAsync("10:30");
        await Expect(session.Page.Locator("#booking")).ToBeHiddenAsync();
        var sent = Assert.Single(session.Api.Sent("POST", "/api/reception/bookings")).Json;
        Assert.Equal("qn-camtay-chu-tich-20270107", sent.GetProperty("sessionId").GetString());
        Assert.Equal("0912345678", sent.GetProperty("citizen").GetProperty("phone").GetString());
        Assert.Equal("zalo", sent.GetProperty("channel").GetString());
        var width = await session.Page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 360, $"the page fits a 360 px screen ({width} px)");
        await session.ScreenshotAsync("reception-booked-360");
        session.AssertPageHealthy();
    }

    [Fact]
    public async Task A_booking_the_server_refuses_shows_its_reasons_in_the_readers_language()
    {
        await using var session = await browser.OpenAsync(Viewport.Phone);
        session.Api.On("GET", "/api/units", ApiReply.Ok(Samples.Units));
        session.Api.On("GET", "/api/reception/qn-camtay/sessions.*", ApiReply.Ok(Sessions));
        session.Api.On("POST", "/api/reception/bookings", Samples.ValidationProblem(
            ("trackingCode", "A tracking code has at most 12 letters, digits or dashes.", "Mã hồ sơ có tối đa 12 chữ cái, chữ số hoặc dấu gạch ngang."),
            ("sessionId", "The session has started; ask at the reception counter.", "Buổi tiếp đã bắt đầu; xin hỏi tại phòng tiếp công dân.")));
        await session.GotoAsync("/reception.html?unit=qn-camtay");
        await session.Page.Locator("[data-session='qn-camtay-chu-tich-20270107'] [data-book]").ClickAsync();
        await session.Page.FillAsync("#name", "Trần Thị Bình");
        await session.Page.FillAsync("#phone", "0912 345 678");
        await session.Page.FillAsync("#topic", "Xin gặp Chủ tịch");
        await session.Page.FillAsync("#trackingCode", "HS-7K2Q-9MXT");
        await session.Page.ClickAsync("#submit");

        await Expect(session.Page.Locator("#err-trackingCode")).ToHaveTextAsync("Mã hồ sơ có tối đa 12 chữ cái, chữ số hoặc dấu gạch ngang.");
        await Expect(session.Page.Locator("#booking")).ToContainTextAsync("Buổi tiếp đã bắt đầu; xin hỏi tại phòng tiếp công dân.");
        await session.Page.ClickAsync("#lang-switch");
        await Expect(session.Page.Locator("#err-trackingCode")).ToHaveTextAsync("A tracking code has at most 12 letters, digits or dashes.");
        session.AssertPageHealthy();
    }

    [Fact]
    public async Task Unscheduled_reception_and_cancelled_sessions_are_shown_but_cannot_be_booked()
    {
        await using var session = await browser.OpenAsync(Viewport.Phone);
        session.Api.On("GET", "/api/units", ApiReply.Ok(Samples.Units));
        session.Api.On("GET", "/api/reception/qn-camtay/sessions.*", ApiReply.Ok(Samples.ReceptionSessions));

        // The escalation SMS link may name a session that cannot be booked: no form opens for it.
        await session.GotoAsync($"/reception.html?unit=qn-camtay&session={Samples.UnscheduledSession}");

        var unscheduled = session.Page.Locator($"[data-session='{Samples.UnscheduledSession}']");
        await Expect(unscheduled).ToContainTextAsync("Tiếp đột xuất: Vụ việc đông người về bồi thường đất");
        await Expect(unscheduled).ToContainTextAsync("Không nhận đăng ký trực tuyến");
        await Expect(unscheduled.Locator("[data-book]")).ToHaveCountAsync(0);
        var cancelled = session.Page.Locator($"[data-session='{Samples.CancelledSession}']");
        await Expect(cancelled).ToContainTextAsync("Đã hủy: Chủ tịch họp HĐND");
        await Expect(cancelled.Locator("[data-book]")).ToHaveCountAsync(0);
        await Expect(session.Page.Locator($"[data-session='{Samples.ThursdaySession}'] [data-book]")).ToHaveCountAsync(1);
        await Expect(session.Page.Locator($"[data-session='{Samples.MovedSession}'] [data-book]")).ToHaveCountAsync(1);
        await Expect(session.Page.Locator("#booking")).ToBeHiddenAsync();

        await session.Page.ClickAsync("#lang-switch");

        await Expect(unscheduled).ToContainTextAsync("Unscheduled reception: ");
        await Expect(unscheduled).ToContainTextAsync("No online booking");
        await session.ScreenshotAsync("reception-unscheduled-360");
        session.AssertPageHealthy();
    }

    [Fact]
    public async Task A_bad_phone_is_refused_next_to_its_field_and_nothing_is_sent()
    {
        await using var session = await browser.OpenAsync(Viewport.Phone);
        session.Api.On("GET", "/api/units", ApiReply.Ok(Samples.Units));
        session.Api.On("GET", "/api/reception/qn-camtay/sessions.*", ApiReply.Ok(Sessions));
        await session.GotoAsync("/reception.html?unit=qn-camtay");
        await session.Page.Locator("[data-book]").First.ClickAsync();
        await session.Page.FillAsync("#name", "Trần Thị Bình");
        await session.Page.FillAsync("#phone", "12345");
        await session.Page.FillAsync("#topic", "Đất đai");

        await session.Page.ClickAsync("#submit");

        await Expect(session.Page.Locator("#err-phone")).ToBeVisibleAsync();
        await Expect(session.Page.Locator("#phone")).ToHaveAttributeAsync("aria-invalid", "true");
        Assert.Empty(session.Api.Sent("POST", "/api/reception/bookings"));
        session.AssertPageHealthy();
    }

    [Fact]
    public async Task The_cancel_page_sends_the_code_from_the_SMS_link_and_the_phone_in_the_body()
    {
        await using var session = await browser.OpenAsync(Viewport.Phone);
        session.Api.On("POST", "/api/reception/bookings/7K2Q9MXT/cancel", new ApiReply(204, null));
        await session.GotoAsync("/reception-cancel.html?code=7K2Q9MXT");
        await session.Page.FillAsync("#phone", "0912345678");

        await session.Page.ClickAsync("#submit");

        await Expect(session.Page.Locator("#result")).ToContainTextAsync("Đã hủy đăng ký");
        var sent = Assert.Single(session.Api.Sent("POST", "/api/reception/bookings/7K2Q9MXT/cancel"));
        Assert.Equal("0912345678", sent.Json.GetProperty("phone").GetString());
        session.AssertPageHealthy();
    }
}
