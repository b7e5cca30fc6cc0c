using Petitions.Functions.Tests.Support;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Petitions.Core.Cases;
using Petitions.Core.LegalClock;
using Petitions.Core.Ports;
using Petitions.Core.UseCases.Escalations;
using Petitions.Core.UseCases.Reception;
using Petitions.Infrastructure.Storage;

namespace Petitions.Functions.Tests.Reception;

public sealed class ReceptionHttpTests
{
    private static object Booking(int i, string? trackingCode = null, string? channel = null) => new
    {
        sessionId = ReceptionApp.ThursdaySession,
        citizen = new { name = $"Công dân {i}", phone = $"09123450{i:D2}" },
        topic = "Tranh chấp ranh giới đất",
        trackingCode,
        channel,
    };

    [Fact] // RFC 5545 §3.1 (CRLF, folding at 75 octets), §3.8.1.11 (STATUS:CANCELLED)
    public async Task The_ics_feed_is_text_calendar_with_crlf_folded_lines_and_the_holiday_session_cancelled()
    {
        await using var reception = new ReceptionApp();
        using var client = reception.App.CreateClient();

        using var response = await client.GetAsync(new Uri("/api/reception/qn-camtay.ics", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var text = Encoding.UTF8.GetString(bytes);
        Assert.DoesNotContain("\n", text.Replace("\r\n", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        var lines = text.Split("\r\n");
        Assert.All(lines, l => Assert.True(Encoding.UTF8.GetByteCount(l) <= 75, $"{Encoding.UTF8.GetByteCount(l)} octets: {l}"));
        Assert.Contains(lines, l => l.StartsWith(' ')); // the long place is folded
        Assert.Contains("UID:qn-camtay-test-20260514@petitions", lines);
        // Thursday 30 April 2026 is Reunification Day: with cancelWithNotice the session is published cancelled.
        var cancelled = text[text.IndexOf("UID:qn-camtay-test-20260430@petitions", StringComparison.Ordinal)..];
        cancelled = cancelled[..cancelled.IndexOf("END:VEVENT", StringComparison.Ordinal)];
        Assert.Contains("STATUS:CANCELLED", cancelled, StringComparison.Ordinal);
        Assert.Contains("SEQUENCE:1", cancelled, StringComparison.Ordinal);
        Assert.Contains("TZID:Asia/Ho_Chi_Minh", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sessions_are_listed_as_json_with_places_left_and_an_unknown_unit_is_a_404_problem()
    {
        await using var reception = new ReceptionApp();
        using var client = reception.App.CreateClient();
        using (var booked = await client.PostAsJsonAsync(new Uri("/api/reception/bookings", UriKind.Relative), Booking(1)))
        {
            Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        }

        using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/reception/qn-camtay/sessions?from=2026-05-11&to=2026-05-24", UriKind.Relative)));

        var sessions = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(["qn-camtay-test-20260514", "qn-camtay-test-20260521"], sessions.Select(s => s.GetProperty("id").GetString()));
        var thursday = sessions[0];
        Assert.Equal("2026-05-14T06:30:00+07:00", thursday.GetProperty("start").GetString());
        Assert.Equal("2026-05-14T09:50:00+07:00", thursday.GetProperty("end").GetString());
        Assert.Equal(ReceptionApp.LongPlace, thursday.GetProperty("place").GetString());
        Assert.Equal("Chủ tịch UBND phường Phan Văn Thắng", thursday.GetProperty("head").GetString());
        Assert.Equal(10, thursday.GetProperty("capacity").GetInt32());
        Assert.Equal(9, thursday.GetProperty("placesLeft").GetInt32());
        Assert.Equal(10, sessions[1].GetProperty("placesLeft").GetInt32());

        using var unknown = await client.GetAsync(new Uri("/api/reception/nowhere/sessions", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType!.MediaType);
    }

    [Fact] // docs/reception.md §7: one entity per place — never more bookings than places
    public async Task Fifty_parallel_bookings_for_ten_places_give_exactly_ten_201_and_forty_409()
    {
        await using var reception = new ReceptionApp();
        using var client = reception.App.CreateClient();

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(async i =>
        {
            using var response = await client.PostAsJsonAsync(new Uri("/api/reception/bookings", UriKind.Relative), Booking(i));
            var body = await response.Content.ReadAsStringAsync();
            return (response.StatusCode, Type: response.Content.Headers.ContentType?.MediaType, Body: body);
        }));

        Assert.Equal(10, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(40, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        Assert.All(responses.Where(r => r.StatusCode == HttpStatusCode.Conflict), r => Assert.Equal("application/problem+json", r.Type));
        var places = responses.Where(r => r.StatusCode == HttpStatusCode.Created)
            .Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("place").GetInt32()).Order().ToList();
        Assert.Equal(Enumerable.Range(1, 10), places);
        Assert.Equal(10, reception.Requests.All.Count(r => r.Template == ReceptionNotices.Appointment));
    }

    [Fact]
    public async Task A_booking_with_a_bad_phone_and_no_topic_is_a_400_problem_naming_the_fields()
    {
        await using var reception = new ReceptionApp();
        using var client = reception.App.CreateClient();

        using var response = await client.PostAsJsonAsync(
            new Uri("/api/reception/bookings", UriKind.Relative),
            new { sessionId = ReceptionApp.ThursdaySession, citizen = new { name = "A", phone = "12345" }, topic = "" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var errors = problem.RootElement.GetProperty("errors").EnumerateArray().ToList();
        var phone = Assert.Single(errors, e => e.GetProperty("field").GetString() == "citizen.phone");
        Assert.Equal("phone.invalid", phone.GetProperty("code").GetString());
        Assert.StartsWith("Xin ghi số điện thoại di động", phone.GetProperty("messageVi").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("Give a Vietnamese mobile number", phone.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Single(errors, e => e.GetProperty("field").GetString() == "topic");
        Assert.Equal("validation", problem.RootElement.GetProperty("code").GetString());
        Assert.Empty(reception.Requests.All);
    }

    [Fact] // Reminder the calendar day before at the slot time, never before 07:00 (docs/reception.md §6)
    public async Task Confirmation_at_once_and_the_reminder_once_at_07_00_the_day_before_under_a_manual_clock()
    {
        await using var reception = new ReceptionApp();
        using var client = reception.App.CreateClient();
        using var booked = await client.PostAsJsonAsync(new Uri("/api/reception/bookings", UriKind.Relative), Booking(7, channel: "zalo"));
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        using var confirmation = JsonDocument.Parse(await booked.Content.ReadAsStringAsync());
        var code = confirmation.RootElement.GetProperty("bookingCode").GetString()!;
        Assert.Equal("zalo", confirmation.RootElement.GetProperty("channel").GetString());
        Assert.Equal("06:30", confirmation.RootElement.GetProperty("time").GetString());

        var appointment = Assert.Single(reception.Requests.All);
        Assert.Equal(ReceptionNotices.Appointment, appointment.Template);
        Assert.Equal(NotificationAudience.Citizen, appointment.Audience);
        Assert.Equal($"https://pakn.example.vn/reception-cancel.html?code={code}", appointment.Data["link"]);
        Assert.DoesNotContain(appointment.Data.Values, v => v.Contains("0912345007", StringComparison.Ordinal));
        var table = reception.Get<Azure.Data.Tables.TableServiceClient>().GetTableClient(reception.BookingsTable);
        foreach (var row in await table.AllRowsAsync(Azure.Data.Tables.TableClient.CreateQueryFilter($"PartitionKey eq {ReceptionApp.ThursdaySession}")))
        {
            var stored = string.Join("|", row.Keys.Select(k => row[k]?.ToString()));
            Assert.DoesNotContain("0912345007", stored, StringComparison.Ordinal); // names, phones and topic are sealed at rest
            Assert.DoesNotContain("Công dân 7", stored, StringComparison.Ordinal);
            Assert.DoesNotContain("Tranh chấp", stored, StringComparison.Ordinal);
        }


        var reminders = reception.Get<SendReceptionReminders.Handler>();
        reception.Clock.SetUtcNow(new DateTimeOffset(2026, 5, 13, 6, 59, 0, TimeSpan.FromHours(7)));
        Assert.Equal(0, await reminders.HandleAsync());
        reception.Clock.SetUtcNow(new DateTimeOffset(2026, 5, 13, 7, 0, 0, TimeSpan.FromHours(7)));
        Assert.Equal(1, await reminders.HandleAsync());
        reception.Clock.Advance(TimeSpan.FromMinutes(15));
        Assert.Equal(0, await reminders.HandleAsync());

        Assert.Equal(2, reception.Requests.All.Count);
        var reminder = Assert.Single(reception.Requests.All, r => r.Template == ReceptionNotices.Reminder);
        Assert.NotEqual(appointment.NotificationId, reminder.NotificationId);
        Assert.Equal("2026-05-14", reminder.Data["date"]);
    }

    [Fact]
    public async Task The_citizen_cancels_with_code_and_phone_the_place_is_freed_and_no_reminder_follows()
    {
        await using var reception = new ReceptionApp();
        using var client = reception.App.CreateClient();
        using var booked = await client.PostAsJsonAsync(new Uri("/api/reception/bookings", UriKind.Relative), Booking(3));
        var code = JsonDocument.Parse(await booked.Content.ReadAsStringAsync()).RootElement.GetProperty("bookingCode").GetString()!;

        using (var wrongPhone = await client.PostAsJsonAsync(new Uri($"/api/reception/bookings/{code}/cancel", UriKind.Relative), new { phone = "0987654321" }))
        {
            Assert.Equal(HttpStatusCode.NotFound, wrongPhone.StatusCode);
        }

        using (var cancelled = await client.PostAsJsonAsync(new Uri($"/api/reception/bookings/{code.ToLowerInvariant()}/cancel", UriKind.Relative), new { phone = "+84912345003" }))
        {
            Assert.Equal(HttpStatusCode.NoContent, cancelled.StatusCode);
        }

        using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/reception/qn-camtay/sessions?from=2026-05-14&to=2026-05-14", UriKind.Relative)));
        Assert.Equal(10, json.RootElement[0].GetProperty("placesLeft").GetInt32());
        reception.Clock.SetUtcNow(new DateTimeOffset(2026, 5, 13, 8, 0, 0, TimeSpan.FromHours(7)));
        Assert.Equal(0, await reception.Get<SendReceptionReminders.Handler>().HandleAsync());
    }

    [Fact] // Legal minimum (Luật 136/2025/QH15 from 2026-07-01): the demo's qn-quangha receives one day a month
    public async Task The_flags_show_the_demo_commune_below_the_minimum()
    {
        await using var reception = new ReceptionApp();
        reception.App.With("Reception:SchedulesPath", string.Empty);
        using var client = reception.App.CreateClient();

        using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/reception/flags?month=2026-07", UriKind.Relative)));

        var flags = json.RootElement.GetProperty("flags").EnumerateArray().ToList();
        var quangha = Assert.Single(flags, f => f.GetProperty("unitId").GetString() == "qn-quangha");
        Assert.Equal(2, quangha.GetProperty("requiredDays").GetInt32());
        Assert.Equal(1, quangha.GetProperty("scheduledDays").GetInt32());
        Assert.DoesNotContain(flags, f => f.GetProperty("unitId").GetString() == "qn-camtay");
    }

    [Fact] // Issue 9: at the supervising-level rung the citizen is offered the head's next session; the agenda lists it first
    public async Task The_supervisor_rung_offers_the_heads_next_session_the_agenda_lists_the_case_first_and_the_meeting_is_on_the_case()
    {
        await using var reception = new ReceptionApp();
        using var client = reception.App.CreateClient();
        await reception.CreateCaseTablesAsync();
        var store = reception.Get<ICaseStore>();
        var calculator = reception.Get<DeadlineCalculator>();
        var caseId = "KN-" + Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(3));
        var filed = new DateTimeOffset(2026, 4, 1, 9, 0, 0, TimeSpan.FromHours(7));
        var @case = Case.Receive(caseId, CaseKind.ComplaintFirstInstance, false, false, "system", filed, calculator);
        @case.Route("qn-camtay", false, "qn-camtay-head", "qn-camtay-officer1", "test", "system", filed, calculator);
        @case.Accept("qn-camtay-officer1", filed, calculator);
        var sealedPerson = new SealedPerson("sealed", "sealed", null);
        var letter = new CaseLetter("qn-camtay", "Đất", "Nội dung", sealedPerson, null, "web", null, [], 1, "hash", filed, new DateOnly(2026, 4, 6));
        Assert.False((await store.CommitAsync(new CaseCommit(@case.ToSnapshot(), letter, null, [.. @case.UncommittedEvents], []))).Conflicted);

        // A case of another unit, escalated too: a citizen may type its code when booking, but qn-camtay must not see it.
        var otherId = "KN-" + Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(3));
        var other = Case.Receive(otherId, CaseKind.ComplaintFirstInstance, false, false, "system", filed, calculator);
        other.Route("qn-halong", false, "qn-halong-head", "qn-halong-officer1", "test", "system", filed, calculator);
        other.Accept("qn-halong-officer1", filed, calculator);
        var otherLetter = letter with { FiledUnitId = "qn-halong" };
        Assert.False((await store.CommitAsync(new CaseCommit(other.ToSnapshot(), otherLetter, null, [.. other.UncommittedEvents], []))).Conflicted);
        await reception.Get<FireEscalations.Handler>().HandleAsync(new FireEscalations.Command(otherId));

        var fired = await reception.Get<FireEscalations.Handler>().HandleAsync(new FireEscalations.Command(caseId));

        Assert.Contains(fired.Fired, f => f.EndsWith("/supervisor", StringComparison.Ordinal));
        var offers = (await store.OutboxAsync(caseId)).Select(o => o.Notify).Where(n => n?.Template == ReceptionNotices.Offer).ToList();
        var offer = Assert.Single(offers)!;
        Assert.Equal(ReceptionApp.ThursdaySession, offer.Data["sessionId"]);
        Assert.Equal($"https://pakn.example.vn/reception.html?unit=qn-camtay&session={ReceptionApp.ThursdaySession}&code={caseId}", offer.Data["link"]);

        using (var plain = await client.PostAsJsonAsync(new Uri("/api/reception/bookings", UriKind.Relative), Booking(1)))
        {
            Assert.Equal(HttpStatusCode.Created, plain.StatusCode);
        }

        using (var escalated = await client.PostAsJsonAsync(new Uri("/api/reception/bookings", UriKind.Relative), Booking(2, caseId)))
        {
            Assert.Equal(HttpStatusCode.Created, escalated.StatusCode);
        }

        using (var foreign = await client.PostAsJsonAsync(new Uri("/api/reception/bookings", UriKind.Relative), Booking(3, otherId)))
        {
            Assert.Equal(HttpStatusCode.Created, foreign.StatusCode);
        }

        using var anonymous = await client.GetAsync(new Uri($"/api/reception/sessions/{ReceptionApp.ThursdaySession}/agenda", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        using var head = await StaffSession.SignInAsync(reception.App, "qn-camtay-head");
        using var agendaResponse = await head.GetAsync(new Uri($"/api/reception/sessions/{ReceptionApp.ThursdaySession}/agenda", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, agendaResponse.StatusCode);
        using var agenda = JsonDocument.Parse(await agendaResponse.Content.ReadAsStringAsync());
        var items = agenda.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(3, items.Count);
        Assert.Equal(caseId, items[0].GetProperty("trackingCode").GetString());
        Assert.True(items[0].GetProperty("priority").GetBoolean());
        Assert.NotEmpty(items[0].GetProperty("deadlines").EnumerateArray());
        var timeline = items[0].GetProperty("timeline").EnumerateArray().ToList();
        Assert.Equal(["received", "routed"], timeline.Take(2).Select(t => t.GetProperty("type").GetString()));
        Assert.Contains(timeline, t => t.GetProperty("type").GetString() == "escalated" && t.GetProperty("values").GetProperty("rung").GetString() == "supervisor");
        Assert.Equal(1, items[1].GetProperty("place").GetInt32());
        var foreignLine = items[2];
        Assert.Equal(otherId, foreignLine.GetProperty("trackingCode").GetString());
        Assert.False(foreignLine.GetProperty("priority").GetBoolean());
        Assert.Equal(JsonValueKind.Null, foreignLine.GetProperty("caseStatus").ValueKind);
        Assert.Empty(foreignLine.GetProperty("deadlines").EnumerateArray());
        Assert.Empty(foreignLine.GetProperty("timeline").EnumerateArray());

        using var meetingRequest = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/reception/sessions/{ReceptionApp.ThursdaySession}/meetings", UriKind.Relative))
        {
            Content = JsonContent.Create(new
            {
                trackingCode = caseId,
                attendees = new[] { "qn-camtay-head", "citizen" },
                raised = "Chậm giải quyết",
                direction = "Giao công chức địa chính kiểm tra hiện trường",
                followUpDate = "2026-05-25",
            }),
        };
        using var meeting = await head.SendAsync(meetingRequest);
        Assert.Equal(HttpStatusCode.Created, meeting.StatusCode);

        var recorded = Assert.IsType<ReceptionMeetingRecorded>((await store.EventsAsync(caseId))[^1]);
        Assert.Equal(ReceptionApp.ThursdaySession, recorded.SessionId);
        Assert.Equal("qn-camtay-head", recorded.Actor);
        Assert.Equal(new DateOnly(2026, 5, 25), recorded.FollowUpOn);
    }

    [Fact] // docs/reception.md §6: a citizen who comes is received — over capacity when every place is taken
    public async Task Staff_add_a_walk_in_to_a_full_session_over_capacity_and_anonymous_calls_are_refused()
    {
        await using var reception = new ReceptionApp();
        using var client = reception.App.CreateClient();
        for (var i = 0; i < 10; i++)
        {
            using var booked = await client.PostAsJsonAsync(new Uri("/api/reception/bookings", UriKind.Relative), Booking(i));
            Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        }

        var uri = new Uri($"/api/reception/sessions/{ReceptionApp.ThursdaySession}/walk-ins", UriKind.Relative);
        var body = new { citizen = new { name = "Người đến trực tiếp" }, topic = "Hỏi về thủ tục" };
        using (var forged = await client.PostAsJsonAsync(uri, body))
        {
            // No X-CSRF-Token: refused before anything else (issue 19), signed in or not.
            Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
            Assert.Contains("csrf.invalid", await forged.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var signedOut = reception.App.CreateBrowserClient())
        {
            using (await signedOut.GetAsync(new Uri("/", UriKind.Relative))) { }
            using var anonymous = await signedOut.PostAsJsonAsync(uri, body);
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        }

        using var otherUnitOfficer = await StaffSession.SignInAsync(reception.App, "qn-halong-officer1");
        using (var refused = await otherUnitOfficer.PostAsJsonAsync(uri, body))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        using var officer = await StaffSession.SignInAsync(reception.App, "qn-camtay-officer1");
        using var response = await officer.PostAsJsonAsync(uri, body);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(json.RootElement.GetProperty("overCapacity").GetBoolean());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("place").ValueKind);
        Assert.Equal(11, (await reception.Get<IReceptionBookings>().ListAsync(ReceptionApp.ThursdaySession)).Count);
        Assert.Equal(10, reception.Requests.All.Count); // no phone given: no SMS for the walk-in
    }
}
