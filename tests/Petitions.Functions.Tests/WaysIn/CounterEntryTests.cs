using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Petitions.Functions.Tests.Cases;
using Petitions.TestKit;

namespace Petitions.Functions.Tests.WaysIn;

/// <summary>
/// A paper letter entered at the counter (POST /api/staff/counter/letters), on the real worker: the receipt date
/// starts the clocks, a date past its limit is overdue at once with a warning, and the citizen gets the same SMS.
/// </summary>
[Collection(WaysInGroup.Name)]
public sealed class CounterEntryTests(WaysInHost host) : IAsyncLifetime
{
    private readonly CaseApp _app = new(host.Host);

    public Task InitializeAsync() => _app.StartAsync();

    public Task DisposeAsync() => _app.StopAsync();

    [Fact]
    public async Task A_past_receipt_date_starts_the_clocks_on_that_day_and_the_citizen_gets_the_same_sms()
    {
        await _app.SignInAsync("qn-camtay-officer1");
        var today = await TodayAsync();
        var receivedOn = today.AddDays(-4);
        var phone = Phones.Next();

        using var response = await _app.PostAsync("/api/staff/counter/letters", Letter(phone, receivedOn));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var receipt = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var code = receipt["trackingCode"]!.GetValue<string>();
        Assert.Equal(Iso(receivedOn), receipt["receivedOn"]!.GetValue<string>());
        Assert.False(receipt["overdue"]!.GetValue<bool>());
        Assert.Empty(receipt["warnings"]!.AsArray());

        var detail = await _app.AssignedAsync(code);
        var clock = detail["clocks"]!.AsArray()[0]!;
        var expected = await _app.JsonAsync($"/api/deadlines?kind=complaint&step={clock["step"]}&start={Iso(receivedOn)}");
        Assert.Equal(expected["due"]!.GetValue<string>(), clock["due"]!.GetValue<string>());
        Assert.Equal(receipt["acknowledgeBy"]!.GetValue<string>(), clock["due"]!.GetValue<string>());
        Assert.Contains(detail["timeline"]!.AsArray(), e => e!["type"]!.GetValue<string>() == "received" && e["actor"]!.GetValue<string>() == "qn-camtay-officer1");

        // the same SMS as online: the tracking code, to the citizen's phone
        var sms = await Eventually.Until(
            () => _app.Client.GetFromJsonAsync<JsonArray>(new Uri("/dev/outbox", UriKind.Relative)),
            list => list!.Any(m => m!["to"]!.GetValue<string>() == "+84" + phone[1..] && m["text"]!.GetValue<string>().Contains(code, StringComparison.Ordinal)),
            TimeSpan.FromSeconds(60), "the receipt SMS");
        Assert.Single(sms!, m => m!["to"]!.GetValue<string>() == "+84" + phone[1..]);

        // the citizen's lookup finds it with the same code and phone
        using var lookup = await _app.Client.PostAsJsonAsync(new Uri("/api/cases/lookup", UriKind.Relative), new { trackingCode = code, phone });
        Assert.Equal(HttpStatusCode.OK, lookup.StatusCode);
    }

    [Fact]
    public async Task A_receipt_date_past_its_limit_is_accepted_overdue_at_once_with_a_warning()
    {
        await _app.SignInAsync("qn-camtay-officer2");
        var today = await TodayAsync();

        using var response = await _app.PostAsync("/api/staff/counter/letters", Letter(Phones.Next(), today.AddDays(-40)));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var receipt = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.True(receipt["overdue"]!.GetValue<bool>());
        Assert.True(DateOnly.Parse(receipt["acknowledgeBy"]!.GetValue<string>(), CultureInfo.InvariantCulture) < today);
        Assert.Equal("receivedOn.overdue", receipt["warnings"]!.AsArray().Single()!["code"]!.GetValue<string>());
        var code = receipt["trackingCode"]!.GetValue<string>();
        await _app.SignInAsync("qn-camtay-head");
        await Eventually.Until(
            () => _app.JsonAsync("/api/staff/cases?view=overdue&pageSize=100"),
            list => list["items"]!.AsArray().Any(i => i!["trackingCode"]!.GetValue<string>() == code),
            TimeSpan.FromSeconds(60), "the case in the overdue view");
    }

    [Theory]
    [InlineData(1, "receivedOn.future")]
    [InlineData(-400, "receivedOn.tooOld")]
    public async Task A_receipt_date_after_today_or_over_a_year_back_is_refused(int days, string code)
    {
        await _app.SignInAsync("qn-camtay-officer1");
        var today = await TodayAsync();

        using var response = await _app.PostAsync("/api/staff/counter/letters", Letter(Phones.Next(), today.AddDays(days)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains((await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsArray(), e => e!["code"]!.GetValue<string>() == code);
    }

    [Fact]
    public async Task Only_staff_of_the_unit_enter_counter_letters_and_citizens_cannot_claim_the_counter_channel()
    {
        using (await _app.Client.GetAsync(new Uri("/", UriKind.Relative)))
        {
            // a page sets the CSRF cookie: the refusal below is about sign-in, not the token
        }

        using var anonymous = await _app.PostAsync("/api/staff/counter/letters", Letter(Phones.Next(), DateOnly.FromDateTime(DateTime.UtcNow)));
        await _app.SignInAsync("qn-halong-head");
        using var otherUnit = await _app.PostAsync("/api/staff/counter/letters", Letter(Phones.Next(), DateOnly.FromDateTime(DateTime.UtcNow)));
        using var citizen = await _app.PostAsync("/api/cases", new
        {
            kind = "complaint", unitId = "qn-camtay", title = "Khiếu nại", content = "Nội dung",
            citizen = new { name = "Nguyễn Văn An", phone = Phones.Next() }, channel = "counter",
        }, csrf: false);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, otherUnit.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, citizen.StatusCode);
        Assert.Contains((await citizen.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsArray(), e => e!["code"]!.GetValue<string>() == "channel.counterStaffOnly");
    }

    private static object Letter(string phone, DateOnly receivedOn) => new
    {
        kind = "complaint",
        unitId = "qn-camtay",
        title = "Khiếu nại quyết định thu hồi đất (đơn giấy)",
        content = "Đơn viết tay nộp tại bộ phận một cửa.",
        citizen = new { name = "Trần Thị Bình", phone, address = "Phường Cẩm Tây" },
        receivedOn = Iso(receivedOn),
    };

    /// <summary>Today in Vietnam (the host's Development clock runs at real time: no test of this host moves it).</summary>
    private static Task<DateOnly> TodayAsync() =>
        Task.FromResult(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh")).DateTime));

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>Phone numbers no other test uses (the intake counts letters per phone).</summary>
internal static class Phones
{
    private static int _next = Random.Shared.Next(100_000, 800_000);

    public static string Next() => "0913" + Interlocked.Increment(ref _next).ToString("D6", CultureInfo.InvariantCulture);
}
