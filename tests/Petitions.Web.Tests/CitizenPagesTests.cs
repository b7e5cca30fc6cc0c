using Microsoft.Playwright;
using Petitions.Web.Tests.Hosting;
using static Microsoft.Playwright.Assertions;

namespace Petitions.Web.Tests;

/// <summary>The citizens' pages at a phone's size, with the API faked in the browser.</summary>
[Collection(BrowserTests.Name)]
public sealed class CitizenPagesTests(BrowserFixture browser)
{
    private static async Task FillComplaintAsync(IPage page, string phone)
    {
        await page.SelectOptionAsync("#unitId", "qn-camtay");
        await page.FillAsync("#title", "Khiếu nại quyết định thu hồi đất");
        await page.FillAsync("#content", "Ngày 01/11/2026 UBND xã ra quyết định thu hồi đất của gia đình tôi không đúng quy định.");
        await page.FillAsync("#decisionNumber", "123/QĐ-UBND");
        await page.FillAsync("#name", "Trần Thị Bình");
        await page.FillAsync("#phone", phone);
        await page.FillAsync("#address", "Thôn 3, xã Cẩm Tây");
    }

    private static async Task<PageSession> OpenPhoneAsync(BrowserFixture browser)
    {
        var session = await browser.OpenAsync(Viewport.Phone);
        session.Api.On("GET", "/api/units", ApiReply.Ok(Samples.Units));
        return session;
    }

    [Fact]
    public async Task Bad_phone_number_shows_its_error_next_to_the_field_on_a_phone_and_nothing_is_sent()
    {
        await using var session = await OpenPhoneAsync(browser);
        await session.GotoAsync("/file.html?kind=complaint");
        await FillComplaintAsync(session.Page, "12345");

        await session.Page.ClickAsync("#submit");

        var phone = session.Page.Locator("#phone");
        var error = session.Page.Locator("#err-phone");
        await Expect(error).ToBeVisibleAsync();
        await Expect(error).ToContainTextAsync("Số điện thoại không hợp lệ");
        await Expect(phone).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(phone).ToHaveAttributeAsync("aria-describedby", "hint-phone err-phone");
        await Expect(phone).ToBeFocusedAsync();
        var field = await phone.BoundingBoxAsync();
        var message = await error.BoundingBoxAsync();
        Assert.NotNull(field);
        Assert.NotNull(message);
        Assert.InRange(message.Y - (field.Y + field.Height), 0, 24); // directly under its field
        Assert.True(message.X + message.Width <= 360, "the message fits a 360 px screen");
        Assert.Empty(session.Api.Sent("POST", "/api/cases"));
        await session.ScreenshotAsync("file-complaint-phone-error-360");
        session.AssertPageHealthy();
    }

    [Fact]
    public async Task Required_fields_and_lengths_are_checked_before_sending()
    {
        await using var session = await OpenPhoneAsync(browser);
        await session.GotoAsync("/file.html?kind=petition");
        await session.Page.FillAsync("#title", new string('a', 201));

        await session.Page.ClickAsync("#submit");

        await Expect(session.Page.Locator("#err-title")).ToContainTextAsync("Tối đa 200 ký tự (hiện có 201)");
        await Expect(session.Page.Locator("#err-content")).ToHaveTextAsync("Vui lòng điền mục này.");
        await Expect(session.Page.Locator("#err-unitId")).ToBeVisibleAsync();
        await Expect(session.Page.Locator("#form-status")).ToContainTextAsync("Vui lòng sửa");
        await Expect(session.Page.Locator("#concerning")).ToBeHiddenAsync();
        Assert.Empty(session.Api.Sent("POST", "/api/cases"));
        session.AssertPageHealthy();
    }

    [Fact]
    public async Task Filing_from_the_Zalo_link_records_the_channel_and_opens_the_confirmation_with_its_QR_code()
    {
        await using var session = await OpenPhoneAsync(browser);
        session.Api.On("POST", "/api/cases", ApiReply.Ok(Samples.Created()) with { Status = 201 });
        session.Api.On("GET", @"/api/qr\?text=.*", ApiReply.Png(Samples.Png));
        await session.GotoAsync("/file.html?kind=complaint&channel=zalo&ref=oa-msg-42");
        await Expect(session.Page.Locator("#zalo-note")).ToBeVisibleAsync();
        await FillComplaintAsync(session.Page, "0912 345 678");
        await session.ScreenshotAsync("file-complaint-360");

        await session.Page.ClickAsync("#submit");

        await Expect(session.Page.Locator("#tracking-code")).ToHaveTextAsync(Samples.TrackingCode);
        await Expect(session.Page.Locator("#ack-by")).ToContainTextAsync("03/12/2026");
        await Expect(session.Page.Locator("#qr")).ToBeVisibleAsync();
        var sent = Assert.Single(session.Api.Sent("POST", "/api/cases"));
        Assert.Equal("complaint", sent.Json.GetProperty("kind").GetString());
        Assert.Equal("zalo", sent.Json.GetProperty("channel").GetString());
        Assert.Equal("oa-msg-42", sent.Json.GetProperty("zaloRef").GetString());
        Assert.Equal("0912345678", sent.Json.GetProperty("citizen").GetProperty("phone").GetString());
        Assert.Equal("123/QĐ-UBND", sent.Json.GetProperty("concerning").GetProperty("decisionNumber").GetString());
        Assert.True(Guid.TryParse(sent.Header("idempotency-key"), out _), "an Idempotency-Key UUID is sent");
        Assert.DoesNotContain("0912", session.Page.Url, StringComparison.Ordinal);
        var qr = Assert.Single(session.Api.Sent("GET", "/api/qr"));
        Assert.Contains(Uri.EscapeDataString($"/lookup.html?code={Samples.TrackingCode}"), qr.PathAndQuery, StringComparison.Ordinal);
        await session.ScreenshotAsync("confirmation-360");
        session.AssertPageHealthy();
    }

    [Fact]
    public async Task A_retry_of_the_same_letter_keeps_its_idempotency_key()
    {
        await using var session = await OpenPhoneAsync(browser);
        session.Api.On("POST", "/api/cases", ApiReply.Problem(503, "Service Unavailable"));
        await session.GotoAsync("/file.html?kind=complaint");
        await FillComplaintAsync(session.Page, "0912345678");
        await session.Page.ClickAsync("#submit");
        await Expect(session.Page.Locator("#form-status")).ToContainTextAsync("không bị gửi trùng");

        session.Api.On("POST", "/api/cases", ApiReply.Ok(Samples.Created()) with { Status = 201 });
        await session.Page.ClickAsync("#submit");

        await Expect(session.Page.Locator("#tracking-code")).ToHaveTextAsync(Samples.TrackingCode);
        var attempts = session.Api.Sent("POST", "/api/cases");
        Assert.Equal(2, attempts.Count);
        Assert.Equal(attempts[0].Header("idempotency-key"), attempts[1].Header("idempotency-key"));
        session.AssertPageHealthy();
    }

    [Fact]
    public async Task Server_field_errors_appear_next_to_their_field_in_the_page_language()
    {
        await using var session = await OpenPhoneAsync(browser);
        session.Api.On("POST", "/api/cases", ApiReply.Problem(400, "Bad Request", errors:
        [
            new { field = "citizen.phone", code = "phone.invalid", message = "Not a Vietnamese mobile number.", messageVi = "Không phải số di động Việt Nam." },
            new { field = "content", code = "text.controlCharacters", message = "Control characters are not allowed.", messageVi = "Nội dung có ký tự điều khiển." },
        ]));
        await session.GotoAsync("/file.html?kind=complaint");
        await FillComplaintAsync(session.Page, "0912345678");

        await session.Page.ClickAsync("#submit");

        await Expect(session.Page.Locator("#err-phone")).ToHaveTextAsync("Không phải số di động Việt Nam.");
        await Expect(session.Page.Locator("#err-content")).ToHaveTextAsync("Nội dung có ký tự điều khiển.");
        await Expect(session.Page.Locator("#phone")).ToBeFocusedAsync();
        await session.Page.ClickAsync("#lang-switch");
        await Expect(session.Page.Locator("#err-phone")).ToHaveTextAsync("Not a Vietnamese mobile number.");
        session.AssertPageHealthy();
    }

    [Fact]
    public async Task Denunciation_form_says_the_identity_is_protected_by_law()
    {
        await using var session = await OpenPhoneAsync(browser);
        await session.GotoAsync("/file.html?kind=denunciation");

        await Expect(session.Page.Locator("#protected-note")).ToBeVisibleAsync();
        await Expect(session.Page.Locator("#protected-note")).ToContainTextAsync("Luật Tố cáo 2018, Điều 47, 48");
        await Expect(session.Page.Locator("label[for=official]")).ToHaveTextAsync("Người bị tố cáo");
        await Expect(session.Page.Locator("#decisionNumber")).ToBeHiddenAsync();
        await session.ScreenshotAsync("file-denunciation-360");
        session.AssertPageHealthy();
    }

    [Fact]
    public async Task Language_switch_translates_the_page_and_is_remembered()
    {
        await using var session = await OpenPhoneAsync(browser);
        await session.GotoAsync("/index.html");
        await Expect(session.Page.Locator("html")).ToHaveAttributeAsync("lang", "vi");
        await Expect(session.Page.Locator("h1")).ToHaveTextAsync("Gửi đơn đến chính quyền địa phương");
        await Expect(session.Page.Locator("#units li")).ToHaveCountAsync(3);
        await Expect(session.Page.Locator("main")).ToContainTextAsync("Luật Khiếu nại 2011, Điều 9");
        await session.ScreenshotAsync("home-vi-360");

        await session.Page.ClickAsync("#lang-switch");

        await Expect(session.Page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(session.Page.Locator("h1")).ToHaveTextAsync("Write to your local government");
        await Expect(session.Page.Locator("#units")).ToContainTextAsync("Cam Tay Commune People's Committee");
        await session.Page.ReloadAsync();
        await Expect(session.Page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(session.Page.Locator("#lang-switch")).ToHaveTextAsync("Tiếng Việt");
        await session.ScreenshotAsync("home-en-360");
        session.AssertPageHealthy();
    }

    [Fact]
    public async Task Lookup_shows_status_unit_due_dates_and_public_timeline()
    {
        await using var session = await OpenPhoneAsync(browser);
        session.Api.On("POST", "/api/cases/lookup", ApiReply.Ok(Samples.CitizenView()));
        await session.GotoAsync($"/lookup.html?code={Samples.TrackingCode}");
        await Expect(session.Page.Locator("#code")).ToHaveValueAsync(Samples.TrackingCode);

        await session.Page.FillAsync("#phone", "0912345678");
        await session.Page.Keyboard.PressAsync("Enter");

        var result = session.Page.Locator("#result");
        await Expect(result).ToContainTextAsync("Đã thụ lý");
        await Expect(result).ToContainTextAsync("UBND xã Cẩm Tây");
        await Expect(result).ToContainTextAsync("04/01/2027");
        await Expect(result.Locator(".timeline li")).ToHaveCountAsync(2);
        Assert.DoesNotContain("phone", session.Page.Url, StringComparison.Ordinal);
        var sent = Assert.Single(session.Api.Sent("POST", "/api/cases/lookup"));
        Assert.Equal("/api/cases/lookup", sent.PathAndQuery);
        Assert.Contains("\"phone\":\"0912345678\"", sent.Body, StringComparison.Ordinal);
        await session.ScreenshotAsync("lookup-360");
        session.AssertPageHealthy();
    }

    [Fact]
    public async Task Lookup_with_a_wrong_phone_says_not_found_without_telling_which_part_is_wrong()
    {
        await using var session = await OpenPhoneAsync(browser);
        session.Api.On("POST", "/api/cases/lookup", ApiReply.Problem(404, "Not Found", "case.notFound"));
        await session.GotoAsync("/lookup.html");
        await session.Page.FillAsync("#code", Samples.TrackingCode);
        await session.Page.FillAsync("#phone", "0987654321");

        await session.Page.ClickAsync("button[type=submit]");

        await Expect(session.Page.Locator("#form-status")).ToHaveTextAsync("Không tìm thấy hồ sơ với mã và số điện thoại này. Vui lòng kiểm tra lại.");
        await Expect(session.Page.Locator("#result")).ToBeHiddenAsync();
        session.AssertPageHealthy();
    }

    [Fact]
    public async Task Confirmation_hides_the_QR_image_when_the_code_cannot_be_made()
    {
        await using var session = await OpenPhoneAsync(browser);
        session.Api.On("GET", @"/api/qr\?text=.*", ApiReply.Problem(500, "Internal Server Error"));
        await session.GotoAsync($"/confirmation.html?code={Samples.TrackingCode}&ack=2026-12-03");

        await Expect(session.Page.Locator("#tracking-code")).ToHaveTextAsync(Samples.TrackingCode);
        await Expect(session.Page.Locator("#qr")).ToBeHiddenAsync();
        Assert.Single(session.Api.Sent("GET", "/api/qr"));
        session.AssertPageHealthy();
    }
}
