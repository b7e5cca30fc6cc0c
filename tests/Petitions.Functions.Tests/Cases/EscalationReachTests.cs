using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Petitions.Core.Notifications;
using Petitions.Core.Organisation;
using Petitions.TestKit;
using static Petitions.Functions.Tests.Cases.EscalationWalk;

namespace Petitions.Functions.Tests.Cases;

/// <summary>
/// Issue 21 end to end on the real worker: escalations reach the people responsible by message (the development sink,
/// at the demo work phones) and in their inboxes, one message per person per sweep, and the apology's promise is a
/// date that has not passed and is watched. The Development clock is moved with POST /dev/clock (which sweeps once).
/// </summary>
public sealed class EscalationReachTests : IAsyncLifetime
{
    private const string Phone = "0912345678";
    private const string CitizenE164 = "+84912345678";

    private static readonly OrganisationChart Chart = OrganisationLoader.LoadDemo();

    // The digest waits this long for the rest of its sweep (30 s in production).
    private readonly CaseApp _app = new(ownHost: true, s => s["CaseHandling__StaffDigestDelay"] = "00:00:02");

    public Task InitializeAsync() => _app.StartAsync();

    public Task DisposeAsync() => _app.StopAsync();

    [Fact]
    public async Task A_case_moved_to_the_last_working_day_before_its_due_date_reaches_its_officer_head_and_supervisor_once_each_by_message_and_inbox()
    {
        var (code, officer, walked) = await AssignedComplaintAsync();
        var head = Chart.HeadOf("qn-camtay").Id;
        var supervisors = SupervisorsOf("qn-camtay");
        var people = new[] { officer, head }.Concat(supervisors).ToList();

        var day = Shift(walked.Due, -1);
        await _app.SetClockAsync(NineAm(day));
        var outbox = await Eventually.Until(
            _app.OutboxAsync,
            o => people.TrueForAll(p => To(o, p).Count > 0),
            TimeSpan.FromSeconds(60),
            "a message to the officer, the head and the supervising level");
        await _app.SettleAsync(NineAm(day));
        outbox = await _app.OutboxAsync();

        foreach (var person in people)
        {
            var message = Assert.Single(To(outbox, person));
            var text = message["text"]!.GetValue<string>();
            Assert.Equal(1, SmsSegments.Count(text).Segments);
            Assert.Equal(SmsText.ToGsm7(text), text);
            Assert.Contains(code, text, StringComparison.Ordinal);
            Assert.Contains($"/s/{code}", text, StringComparison.Ordinal);
            Assert.Contains(walked.Due.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), text, StringComparison.Ordinal);
        }

        Assert.Empty(Apologies(outbox, code));

        // The head's inbox has the escalation, unread; the short link opens the staff case page.
        await _app.SignInAsync(head);
        var inbox = await _app.JsonAsync("/api/staff/inbox?unread=true");
        var item = Assert.Single(
            inbox["items"]!.AsArray(), i => i!["trackingCode"]!.GetValue<string>() == code && i["kind"]!.GetValue<string>() == "escalation")!.AsObject();
        Assert.False(item["read"]!.GetValue<bool>());
        Assert.Equal("supervisor", item["rung"]!.GetValue<string>());
        Assert.Equal(walked.Due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), item["due"]!.GetValue<string>());
        Assert.True(inbox["unread"]!.GetValue<int>() >= 1);
        using (var raw = _app.Host.CreateClient(allowAutoRedirect: false))
        using (var link = await raw.GetAsync(new Uri($"/s/{code}", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Redirect, link.StatusCode);
            Assert.Equal($"/staff/case.html?code={code}", link.Headers.Location!.OriginalString);
        }

        // Reading is accountability: CSRF-protected, idempotent, and seen is recorded once.
        var id = item["id"]!.GetValue<string>();
        using (var forged = await _app.PostAsync($"/api/staff/inbox/{id}/read", null, csrf: false))
        {
            Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        }

        for (var i = 0; i < 2; i++)
        {
            using var read = await _app.PostAsync($"/api/staff/inbox/{id}/read", null);
            Assert.Equal(HttpStatusCode.NoContent, read.StatusCode);
        }

        using (var unknown = await _app.PostAsync("/api/staff/inbox/N-nothing/read", null))
        {
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
            Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        }

        var timeline = (await _app.JsonAsync($"/api/staff/cases/{code}"))["timeline"]!.AsArray();
        var seen = Assert.Single(timeline, e => e!["type"]!.GetValue<string>() == "seen")!;
        Assert.Equal(head, seen["actor"]!.GetValue<string>());
        var after = await _app.JsonAsync("/api/staff/inbox");
        Assert.True(Assert.Single(after["items"]!.AsArray(), i => i!["id"]!.GetValue<string>() == id)!["read"]!.GetValue<bool>());
    }

    [Fact]
    public async Task After_a_three_week_gap_each_person_gets_one_message_the_apology_promises_a_future_date_and_a_slipped_promise_brings_a_second_apology()
    {
        var (code, officer, walked) = await AssignedComplaintAsync();
        var head = Chart.HeadOf("qn-camtay").Id;
        var supervisors = SupervisorsOf("qn-camtay");
        var people = new[] { officer, head }.Concat(supervisors).ToList();

        var late = Shift(walked.Due, 15);
        await _app.SetClockAsync(NineAm(late));
        await Eventually.Until(
            _app.OutboxAsync,
            o => people.TrueForAll(p => To(o, p).Count > 0) && Apologies(o, code).Count > 0,
            TimeSpan.FromSeconds(60),
            "the catch-up's messages");
        await _app.SettleAsync(NineAm(late));
        var outbox = await _app.OutboxAsync();
        Assert.All(people, p => Assert.Single(To(outbox, p)));

        // Every missed rung is on the record, in order; only the highest was sent.
        var detail = await _app.JsonAsync($"/api/staff/cases/{code}");
        Assert.Equal(DefaultLadder.Select(r => $"{walked.Step}/{r.Rung}"), Fired(detail).Where(f => f.StartsWith(walked.Step + "/", StringComparison.Ordinal)));
        var escalated = detail["timeline"]!.AsArray().Where(e => e!["type"]!.GetValue<string>() == "escalated").ToList();
        Assert.Equal(3, escalated.Count(e => e!["text"]!.GetValue<string>().Contains("recorded late", StringComparison.Ordinal)));

        // The apology promises 5 working days from the day it is sent, and that date is a running clock.
        var apology = Assert.Single(Apologies(outbox, code));
        Assert.Equal(CitizenE164, apology["to"]!.GetValue<string>());
        var promised = Shift(late, 5);
        Assert.Contains(promised.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), apology["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(("promised", promised), RunningClocks(detail));

        // The promise slips: a second apology with a new date, and the supervising level is told.
        var slipped = Shift(promised, 1);
        await _app.SetClockAsync(NineAm(slipped));
        await Eventually.Until(
            _app.OutboxAsync,
            o => Apologies(o, code).Count == 2 && supervisors.TrueForAll(s => To(o, s).Count == 2),
            TimeSpan.FromSeconds(60),
            "the second apology, and the supervising level told");
        await _app.SettleAsync(NineAm(slipped));
        outbox = await _app.OutboxAsync();
        var second = Apologies(outbox, code).Single(a => a["notificationId"]!.GetValue<string>() != apology["notificationId"]!.GetValue<string>());
        Assert.Contains(Shift(slipped, 5).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), second["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.All(supervisors, s => Assert.Equal(2, To(outbox, s).Count));
        detail = await _app.JsonAsync($"/api/staff/cases/{code}");
        Assert.Equal(2, detail["timeline"]!.AsArray().Count(e => e!["type"]!.GetValue<string>() == "promised"));
        Assert.Contains(("promised", Shift(slipped, 5)), RunningClocks(detail));
    }

    private static List<string> SupervisorsOf(string unitId)
    {
        var supervising = Chart.SupervisorOf(unitId)!;
        var supervisors = Chart.StaffOf(supervising.Id).Where(s => s.Role == StaffRole.Supervisor).Select(s => s.Id).ToList();
        return supervisors.Count > 0 ? supervisors : [Chart.HeadOf(supervising.Id).Id];
    }

    private static List<JsonObject> To(IEnumerable<JsonObject> outbox, string staffId)
    {
        var phone = Chart.FindStaff(staffId)!.Contact.WorkPhone!.E164;
        return [.. outbox.Where(m => m["to"]!.GetValue<string>() == phone)];
    }

    private async Task<(string Code, string Officer, (string Step, DateOnly Due) Walked)> AssignedComplaintAsync()
    {
        var code = await _app.FileAsync(phone: Phone);
        await _app.SignInAsync("qn-camtay-head");
        var detail = await _app.AssignedAsync(code);
        Assert.Empty(Fired(detail));
        return (code, detail["officer"]!["id"]!.GetValue<string>(), FirstDue(detail));
    }
}
