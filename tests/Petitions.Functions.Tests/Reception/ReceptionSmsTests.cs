using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Petitions.Core.Notifications;
using Petitions.Core.Time;
using Petitions.Core.UseCases.Intake;
using Petitions.Core.UseCases.Processing;
using Petitions.Functions.Tests.Support;
using Petitions.Infrastructure.Cases;
using Petitions.Infrastructure.Storage;
using Petitions.TestKit;

namespace Petitions.Functions.Tests.Reception;

/// <summary>
/// Issue 9: the booking's confirmation SMS goes at once to the phone given in the booking (never to a case's citizen),
/// with the cancellation link. The app runs in-process with its queue listeners on a private Azurite (the listeners
/// use fixed queue names) and the development SMS sink, read through <c>GET /dev/outbox</c>.
/// </summary>
public sealed class ReceptionSmsTests
{
    private const string BookingPhone = "0912345001";
    private const string CasePhone = "0987654321";

    [Fact]
    public async Task A_booking_without_a_tracking_code_is_confirmed_once_by_sms_to_the_booking_phone_with_the_cancel_link()
    {
        using var azurite = AzuriteServer.StartPrivate();
        var clock = new ManualTimeProvider(ReceptionApp.Monday);
        await using var app = await ReceptionSinkApp.StartAsync(azurite, clock);
        using var client = app.CreateClient();

        var code = await BookAsync(client, trackingCode: null);

        var sent = await SmsForAsync(client, clock, code);
        Assert.Equal("+84912345001", sent.GetProperty("to").GetString());
        var text = sent.GetProperty("text").GetString()!;
        Assert.Contains($"https://pakn.example.vn/reception-cancel.html?code={code}", text, StringComparison.Ordinal);
        Assert.True(text.Length <= SmsSegments.Gsm7Single, text);
        Assert.True(Gsm7Alphabet.CanEncode(text), text);
        Assert.Equal(text, SmsText.ToGsm7(text));
        Assert.Contains("14/05/2026", text, StringComparison.Ordinal);
        Assert.Equal("reception-booked", sent.GetProperty("tag").GetString());

        // The dispatch is exactly once: the sink holds one entry for this booking.
        var all = await OutboxAsync(client);
        Assert.Single(all, e => e.GetProperty("text").GetString()!.Contains(code, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_booking_for_a_case_filed_with_another_phone_is_confirmed_to_the_booking_phone()
    {
        using var azurite = AzuriteServer.StartPrivate();
        var clock = new ManualTimeProvider(ReceptionApp.Monday);
        await using var app = await ReceptionSinkApp.StartAsync(azurite, clock);
        using var client = app.CreateClient();
        var caseId = await FileCaseAsync(app, CasePhone);

        var code = await BookAsync(client, caseId);

        var sent = await SmsForAsync(client, clock, code);
        Assert.Equal("+84912345001", sent.GetProperty("to").GetString());
        Assert.Equal("reception-booked", sent.GetProperty("tag").GetString());
        // The case's own receipt goes to the phone it was filed with (the two numbers really differ); it is dispatched
        // by its own queue message, so it is waited for rather than expected at once.
        var all = await Eventually.Until(
            () =>
            {
                return OutboxAsync(client);
            },
            list => list.Any(e => e.GetProperty("tag").GetString() == "case-received" && e.GetProperty("to").GetString() == "+84987654321"),
            TimeSpan.FromSeconds(30),
            "the case's receipt in the SMS sink");
        Assert.DoesNotContain(all, e => e.GetProperty("text").GetString()!.Contains(code, StringComparison.Ordinal)
            && e.GetProperty("to").GetString() == "+84987654321");
    }

    [Theory]
    [InlineData(NotificationEvent.ReceptionAppointment)]
    [InlineData(NotificationEvent.ReceptionReminder)]
    [InlineData(NotificationEvent.ReceptionCancelled)]
    public void A_booking_message_fits_one_gsm7_segment_at_the_longest_code_link_and_unit_name(NotificationEvent @event)
    {
        var longestLink = "https://" + new string('p', 29) + ".vn/reception-cancel.html?code=ABCDEFGHJKLM";
        longestLink = longestLink[..NotificationCatalogue.MaxBookingLinkLength];
        var message = NotificationCatalogue.RenderReceptionBooking(
            @event, "ABCDEFGHJKLM", "Ủy ban nhân dân phường Cẩm Tây, thành phố Cẩm Phả, tỉnh Quảng Ninh (trụ sở mới)",
            new DateOnly(2026, 12, 31), new TimeOnly(23, 59), longestLink);

        Assert.True(message.Text.Length <= SmsSegments.Gsm7Single, message.Text);
        Assert.True(Gsm7Alphabet.CanEncode(message.Text), message.Text);
        Assert.EndsWith(longestLink, message.Text, StringComparison.Ordinal);
        Assert.Contains("31/12/2026", message.Text, StringComparison.Ordinal);
        Assert.Contains("23:59", message.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cancel_link_longer_than_the_limit_is_refused()
    {
        var tooLong = "https://pakn.example.vn/reception-cancel.html?code=" + new string('A', NotificationCatalogue.MaxBookingLinkLength);

        Assert.Throws<ArgumentException>(() => NotificationCatalogue.RenderReceptionBooking(
            NotificationEvent.ReceptionAppointment, "ABCDEFGH", "UBND phường Cẩm Tây", new DateOnly(2026, 5, 14), new TimeOnly(6, 30), tooLong));
    }

    private static async Task<string> BookAsync(HttpClient client, string? trackingCode)
    {
        using var booked = await client.PostAsJsonAsync(new Uri("/api/reception/bookings", UriKind.Relative), new
        {
            sessionId = ReceptionApp.ThursdaySession,
            citizen = new { name = "Nguyễn Thị Đặt", phone = BookingPhone },
            topic = "Tranh chấp ranh giới đất",
            trackingCode,
        });
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        var body = await booked.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("bookingCode").GetString()!;
    }

    private static async Task<string> FileCaseAsync(TestApp app, string phone)
    {
        var result = await app.Services.GetRequiredService<FileCase.Handler>().HandleAsync(new FileCase.Command(
            "complaint", "qn-camtay", "Quyết định thu hồi đất", "Tôi không đồng ý với quyết định thu hồi đất số 12/QĐ-UBND.",
            new FileCase.PersonInput("Trần Văn Khiếu", phone, "Tổ 5, khu 3, phường Cẩm Tây"),
            new FileCase.ConcerningInput("qn-camtay", "Chủ tịch UBND phường", "staff", "12/QĐ-UBND", "2026-05-04"),
            "web", ClientAddress: "203.0.113.7"));
        Assert.True(result.Succeeded, result.Problem?.ToString());
        var id = result.Value!.TrackingCode;
        await app.Services.GetRequiredService<RelayOutbox.Handler>().HandleAsync(new RelayOutbox.Command(id));
        return id;
    }

    /// <summary>
    /// Waits for the booking's SMS (the host's notification trigger sends it)
    /// on by a quarter second: a few seconds in all, far from the session and from quiet hours.
    /// </summary>
    private static async Task<JsonElement> SmsForAsync(HttpClient client, ManualTimeProvider clock, string code)
    {
        var link = $"reception-cancel.html?code={code}";
        var entries = await Eventually.Until(
            () =>
            {
                return OutboxAsync(client);
            },
            list => list.Any(e => e.GetProperty("text").GetString()!.Contains(link, StringComparison.Ordinal)),
            TimeSpan.FromSeconds(30),
            "the booking's confirmation in the SMS sink");
        return Assert.Single(entries, e => e.GetProperty("text").GetString()!.Contains(link, StringComparison.Ordinal));
    }

    private static async Task<List<JsonElement>> OutboxAsync(HttpClient client)
    {
        var json = await client.GetStringAsync(new Uri("/dev/outbox", UriKind.Relative));
        return [.. JsonDocument.Parse(json).RootElement.EnumerateArray().Select(e => e.Clone())];
    }
}
