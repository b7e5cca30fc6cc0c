using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Petitions.Core.Reception;
using Petitions.Core.Time;
using Petitions.Core.UseCases.Reception;
using Petitions.Functions.Tests.Support;
using Petitions.Infrastructure.Storage;
using Petitions.TestKit;

namespace Petitions.Functions.Tests.Reception;

/// <summary>
/// Issue 9: staff cancel one session (published as CANCELLED with a raised SEQUENCE, bookers told once by SMS,
/// reminders dropped, the legal-minimum flag raised) and record unscheduled reception (tiếp đột xuất). The app runs
/// in-process on a private Azurite with its queue listeners and the SMS sink (read through <c>/dev/outbox</c>);
/// the test schedule holds a session on Thursdays 06:30–09:50 at qn-camtay.
/// </summary>
public sealed class ReceptionSessionChangeTests
{
    private const string Session = ReceptionApp.ThursdaySession;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task The_head_cancels_a_session_and_it_shows_everywhere_while_each_booker_is_told_once()
    {
        using var azurite = AzuriteServer.StartPrivate();
        var clock = new ManualTimeProvider(ReceptionApp.Monday);
        await using var app = await ReceptionSinkApp.StartAsync(azurite, clock);
        using var client = app.CreateClient();
        var first = await BookAsync(client, "0912345001");
        var second = await BookAsync(client, "0912345002");
        using var officer = await StaffSession.SignInAsync(app, "qn-camtay-officer1");
        using (var walkIn = await officer.PostAsJsonAsync(Relative($"/api/reception/sessions/{Session}/walk-ins"), new { citizen = new { name = "Lê Văn Đến" }, topic = "Hỏi về cấp sổ đỏ" }))
        {
            Assert.Equal(HttpStatusCode.Created, walkIn.StatusCode);
        }

        Assert.Empty(await FlagsFor(client, "qn-camtay"));
        using var head = await StaffSession.SignInAsync(app, "qn-camtay-head");

        var answer = await CancelAsync(head, Session, "Chủ tịch dự họp khẩn tại tỉnh");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("cancelled", answer.Body.GetProperty("status").GetString());
        Assert.Equal(2, answer.Body.GetProperty("bookingsNotified").GetInt32());
        Assert.False(answer.Body.GetProperty("alreadyCancelled").GetBoolean());

        // The feed: same UID, SEQUENCE raised to 1, STATUS:CANCELLED, with the reason.
        var ics = await client.GetStringAsync(Relative("/api/reception/qn-camtay.ics"));
        var vevent = EventOf(ics, $"UID:{Session}@petitions");
        Assert.Contains("STATUS:CANCELLED", vevent);
        Assert.Contains("SEQUENCE:1", vevent);
        Assert.Contains("Chủ tịch dự họp khẩn tại tỉnh", string.Join(string.Empty, vevent), StringComparison.Ordinal);

        // The list: cancelled with the reason and no places; booking it is refused.
        var listed = await SessionAsync(client, Session);
        Assert.Equal("cancelled", listed.GetProperty("status").GetString());
        Assert.Equal("Chủ tịch dự họp khẩn tại tỉnh", listed.GetProperty("reason").GetString());
        Assert.Equal(0, listed.GetProperty("placesLeft").GetInt32());
        using (var late = await client.PostAsJsonAsync(Relative("/api/reception/bookings"), Booking("0912345003")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
            var refusal = Assert.Single((await late.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray());
            Assert.Equal(("sessionId", "session.cancelled"), (refusal.GetProperty("field").GetString(), refusal.GetProperty("code").GetString()));
            Assert.Equal("Buổi tiếp đã bị hủy: Chủ tịch dự họp khẩn tại tỉnh.", refusal.GetProperty("messageVi").GetString());
        }

        // Each booker gets one urgent SMS with the unit's page to book another session.
        var sms = await Eventually.Until(
            () =>
            {
                return OutboxAsync(client);
            },
            list => list.Count(e => e.GetProperty("tag").GetString() == "reception-booked-cancelled") == 2,
            Patience,
            "two cancellation SMS in the sink");
        var cancelled = sms.Where(e => e.GetProperty("tag").GetString() == "reception-booked-cancelled").ToList();
        Assert.Equal(["+84912345001", "+84912345002"], cancelled.Select(e => e.GetProperty("to").GetString()).Order(StringComparer.Ordinal));
        Assert.All(cancelled, e => Assert.EndsWith("Dat lich khac: https://pakn.example.vn/reception.html?unit=qn-camtay", e.GetProperty("text").GetString(), StringComparison.Ordinal));
        Assert.Contains(cancelled, e => e.GetProperty("text").GetString()!.Contains(first, StringComparison.Ordinal));
        Assert.Contains(cancelled, e => e.GetProperty("text").GetString()!.Contains(second, StringComparison.Ordinal));

        // A repeat keeps the first reason and sends nothing more.
        var again = await CancelAsync(head, Session, "Lý do khác");
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.True(again.Body.GetProperty("alreadyCancelled").GetBoolean());
        Assert.Equal("Chủ tịch dự họp khẩn tại tỉnh", again.Body.GetProperty("reason").GetString());
        var account = PlainStorage.Account(azurite.ConnectionString);
        await Eventually.Until(
            async () =>
            {
                return await account.GetQueueClient(app.Settings["NotificationsQueueName"]).ApproximateCountAsync();
            },
            n => n == 0,
            Patience,
            "notifications drained");
        Assert.Equal(2, (await OutboxAsync(client)).Count(e => e.GetProperty("tag").GetString() == "reception-booked-cancelled"));

        // The reminders due the day before are dropped: the session no longer takes place.
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 5, 13, 8, 0, 0, TimeSpan.FromHours(7)));
        Assert.Equal(0, await app.Services.GetRequiredService<SendReceptionReminders.Handler>().HandleAsync());

        // With its only session of the week cancelled, the unit is below the weekly minimum in May 2026.
        var flag = Assert.Single(await FlagsFor(client, "qn-camtay"));
        Assert.Equal("2026-05-11", flag.GetProperty("periodStart").GetString());
        Assert.Equal(0, flag.GetProperty("scheduledDays").GetInt32());
    }

    [Fact]
    public async Task Cancelling_is_for_the_head_or_deputy_before_the_session_starts_with_a_reason()
    {
        using var azurite = AzuriteServer.StartPrivate();
        var clock = new ManualTimeProvider(ReceptionApp.Monday);
        await using var app = await ReceptionSinkApp.StartAsync(azurite, clock);
        using var officer = await StaffSession.SignInAsync(app, "qn-camtay-officer1");
        using var otherHead = await StaffSession.SignInAsync(app, "qn-halong-head");
        using var head = await StaffSession.SignInAsync(app, "qn-camtay-head");
        using var tokenless = app.CreateClient();
        using var signedOut = app.CreateBrowserClient();
        using (await signedOut.GetAsync(new Uri("/", UriKind.Relative))) { }

        Assert.Equal(HttpStatusCode.Forbidden, (await CancelAsync(officer, Session, "Bận")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await CancelAsync(otherHead, Session, "Bận")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await CancelAsync(signedOut, Session, "Bận")).Status);
        var forged = await CancelAsync(tokenless, Session, "Bận");
        Assert.Equal((HttpStatusCode.Forbidden, "csrf.invalid"), (forged.Status, forged.Body.GetProperty("code").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await CancelAsync(head, "qn-camtay-test-20260515", "Bận")).Status);
        var blank = await CancelAsync(head, Session, "  ");
        Assert.Equal(HttpStatusCode.BadRequest, blank.Status);
        Assert.Equal(["reason"], Fields(blank.Body));

        app.Clock.SetUtcNow(new DateTimeOffset(2026, 5, 14, 6, 30, 0, TimeSpan.FromHours(7)));
        var started = await CancelAsync(head, Session, "Bận");
        Assert.Equal(HttpStatusCode.Conflict, started.Status);
        Assert.Equal("application/problem+json", started.ContentType);

        // Thursday 30/4/2026 is a holiday and the test schedule cancels with notice: the calendar cancelled it already.
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 4, 27, 9, 0, 0, TimeSpan.FromHours(7)));
        Assert.Equal(HttpStatusCode.Conflict, (await CancelAsync(head, "qn-camtay-test-20260430", "Bận")).Status);
        var listed = await SessionAsync(tokenless, Session);
        Assert.Equal("scheduled", listed.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Unscheduled_reception_is_recorded_published_without_the_note_and_takes_walk_ins_but_no_bookings()
    {
        using var azurite = AzuriteServer.StartPrivate();
        var clock = new ManualTimeProvider(ReceptionApp.Monday);
        await using var app = await ReceptionSinkApp.StartAsync(azurite, clock);
        using var anonymous = app.CreateClient();
        using var officer = await StaffSession.SignInAsync(app, "qn-camtay-officer1");
        const string Note = "Ông Phạm Văn Nội cùng 12 hộ dân tổ 7 khiếu nại về đền bù";
        var body = new { date = "2026-05-12", start = "14:00", end = "16:00", place = "Nhà văn hóa khu 3", ground = "complex", note = Note };

        using var created = await officer.PostAsJsonAsync(Relative("/api/reception/units/qn-camtay/unscheduled"), body);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var session = await created.Content.ReadFromJsonAsync<JsonElement>();
        const string Id = "qn-camtay-dotxuat-20260512-1400";
        Assert.Equal(Id, session.GetProperty("id").GetString());
        Assert.Equal("unscheduled", session.GetProperty("kind").GetString());
        Assert.Equal("2026-05-12T14:00:00+07:00", session.GetProperty("start").GetString());
        Assert.StartsWith("Vụ việc gay gắt, phức tạp", session.GetProperty("reason").GetString(), StringComparison.Ordinal);
        using (var repeat = await officer.PostAsJsonAsync(Relative("/api/reception/units/qn-camtay/unscheduled"), body))
        {
            Assert.Equal(HttpStatusCode.Conflict, repeat.StatusCode);
        }

        // Published in the list and the feed with the legal ground; the staff note is not.
        var listed = await SessionAsync(anonymous, Id);
        Assert.Equal(0, listed.GetProperty("placesLeft").GetInt32());
        var ics = await anonymous.GetStringAsync(Relative("/api/reception/qn-camtay.ics"));
        var vevent = string.Join(string.Empty, EventOf(ics, $"UID:{Id}@petitions"));
        Assert.Contains("đột xuất", vevent, StringComparison.Ordinal);
        Assert.DoesNotContain("Phạm Văn Nội", IcsText.Unfold(ics), StringComparison.Ordinal);
        Assert.DoesNotContain("Phạm Văn Nội", await anonymous.GetStringAsync(Relative("/api/reception/qn-camtay/sessions")), StringComparison.Ordinal);

        // The note is sealed at rest.
        var table = PlainStorage.Account(azurite.ConnectionString).GetTableClient(app.Settings["Reception__BookingsTable"]);
        var raw = new List<string>();
        foreach (var e in await table.AllRowsAsync(Azure.Data.Tables.TableClient.CreateQueryFilter($"PartitionKey eq {"_unscheduled"}")))
        {
            raw.Add(JsonSerializer.Serialize(e.ToDictionary(kv => kv.Key, kv => kv.Value?.ToString())));
        }

        Assert.Single(raw);
        Assert.DoesNotContain("Phạm Văn Nội", raw[0], StringComparison.Ordinal);

        // Not bookable online; a walk-in is received over capacity and is on the agenda.
        using (var online = await anonymous.PostAsJsonAsync(Relative("/api/reception/bookings"), Booking("0912345004") with { sessionId = Id }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, online.StatusCode);
        }

        using (var walkIn = await officer.PostAsJsonAsync(Relative($"/api/reception/sessions/{Id}/walk-ins"), new { citizen = new { name = "Hộ dân tổ 7" }, topic = "Đền bù giải phóng mặt bằng" }))
        {
            Assert.Equal(HttpStatusCode.Created, walkIn.StatusCode);
            Assert.True((await walkIn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("overCapacity").GetBoolean());
        }

        var agenda = await officer.GetFromJsonAsync<JsonElement>(Relative($"/api/reception/sessions/{Id}/agenda"));
        Assert.Equal("Đền bù giải phóng mặt bằng", Assert.Single(agenda.GetProperty("items").EnumerateArray()).GetProperty("topic").GetString());

        // It is a record, not a published session: it cannot be cancelled.
        using var head = await StaffSession.SignInAsync(app, "qn-camtay-head");
        Assert.Equal(HttpStatusCode.Conflict, (await CancelAsync(head, Id, "Nhầm")).Status);
    }

    [Fact]
    public async Task Unscheduled_reception_with_bad_input_or_by_another_unit_is_refused_clearly()
    {
        using var azurite = AzuriteServer.StartPrivate();
        var clock = new ManualTimeProvider(ReceptionApp.Monday);
        await using var app = await ReceptionSinkApp.StartAsync(azurite, clock);
        using var officer = await StaffSession.SignInAsync(app, "qn-camtay-officer1");
        using var other = await StaffSession.SignInAsync(app, "qn-halong-deputy");

        using var bad = await officer.PostAsJsonAsync(
            Relative("/api/reception/units/qn-camtay/unscheduled"), new { date = "12/05/2026", start = "25:00", end = "14:00", place = "", ground = "politics" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["date", "ground", "place", "start"], Fields(problem));
        Assert.All(problem.GetProperty("errors").EnumerateArray(), e => Assert.False(string.IsNullOrEmpty(e.GetProperty("messageVi").GetString())));

        using var backwards = await officer.PostAsJsonAsync(
            Relative("/api/reception/units/qn-camtay/unscheduled"), new { date = "2026-05-12", start = "16:00", end = "14:00", place = "UBND", ground = "urgent" });
        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
        Assert.Equal(["end"], Fields(await backwards.Content.ReadFromJsonAsync<JsonElement>()));

        var valid = new { date = "2026-05-12", start = "14:00", end = "16:00", place = "UBND", ground = "urgent" };
        using var elsewhere = await other.PostAsJsonAsync(Relative("/api/reception/units/qn-camtay/unscheduled"), valid);
        Assert.Equal(HttpStatusCode.Forbidden, elsewhere.StatusCode);
        using var unknown = await officer.PostAsJsonAsync(Relative("/api/reception/units/nowhere/unscheduled"), valid);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    private static Uri Relative(string path) => new(path, UriKind.Relative);

    private static List<string> Fields(JsonElement problem) =>
        [.. problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()!).Order(StringComparer.Ordinal)];

    private static BookingBody Booking(string phone) =>
        new(Session, new { name = "Nguyễn Thị Đặt", phone }, "Tranh chấp ranh giới đất");

    private static async Task<string> BookAsync(HttpClient client, string phone)
    {
        using var booked = await client.PostAsJsonAsync(Relative("/api/reception/bookings"), Booking(phone));
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        return (await booked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("bookingCode").GetString()!;
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body, string? ContentType)> CancelAsync(HttpClient client, string sessionId, string reason)
    {
        using var response = await client.PostAsJsonAsync(Relative($"/api/reception/sessions/{sessionId}/cancel"), new { reason });
        var text = await response.Content.ReadAsStringAsync();
        var body = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        return (response.StatusCode, body, response.Content.Headers.ContentType?.MediaType);
    }

    private static async Task<JsonElement> SessionAsync(HttpClient client, string id)
    {
        var json = await client.GetStringAsync(Relative("/api/reception/qn-camtay/sessions?from=2026-05-11&to=2026-05-31"));
        return JsonDocument.Parse(json).RootElement.EnumerateArray().Single(s => s.GetProperty("id").GetString() == id).Clone();
    }

    private static async Task<List<JsonElement>> FlagsFor(HttpClient client, string unitId)
    {
        var json = await client.GetStringAsync(Relative("/api/reception/flags?month=2026-05"));
        return [.. JsonDocument.Parse(json).RootElement.GetProperty("flags").EnumerateArray().Where(f => f.GetProperty("unitId").GetString() == unitId).Select(f => f.Clone())];
    }

    private static List<string> EventOf(string ics, string uidLine)
    {
        var lines = IcsText.Unfold(ics).Split("\r\n");
        var at = Array.IndexOf(lines, uidLine);
        Assert.True(at >= 0, $"{uidLine} is in the feed");
        var begin = Array.LastIndexOf(lines, "BEGIN:VEVENT", at);
        var end = Array.IndexOf(lines, "END:VEVENT", at);
        return [.. lines[begin..end]];
    }

    private static async Task<List<JsonElement>> OutboxAsync(HttpClient client)
    {
        var json = await client.GetStringAsync(Relative("/dev/outbox"));
        return [.. JsonDocument.Parse(json).RootElement.EnumerateArray().Select(e => e.Clone())];
    }

    private sealed record BookingBody(string sessionId, object citizen, string topic);
}
