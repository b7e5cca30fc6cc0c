using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Petitions.Core.Calendar;
using Petitions.Core.Ports;
using Petitions.Functions.Tests.Support;
using Petitions.Infrastructure.Storage;
using Petitions.TestKit;

namespace Petitions.Functions.Tests.Cases;

/// <summary>
/// Moves the Development clock of a <see cref="CaseApp"/> (POST /dev/clock, which also sweeps once) and reads the
/// escalation events of a case from its staff timeline. The expected rungs are computed independently of the product:
/// the default ladder of escalation-ladder.data.json (T−5 reminder, T−3 unit head, T−1 supervisor, T overdue, in
/// working days) on the Vietnamese working calendar.
/// </summary>
internal static class EscalationWalk
{
    /// <summary>The default ladder: rung and lead in working days, earliest first.</summary>
    public static readonly IReadOnlyList<(string Rung, int Lead)> DefaultLadder =
        [("reminder", 5), ("unit-head", 3), ("supervisor", 1), ("overdue", 0)];

    public static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    public static IWorkingCalendar Calendar => VietnamWorkingCalendar.Default;

    /// <summary>09:00 in Asia/Ho_Chi_Minh on <paramref name="day"/>.</summary>
    public static DateTimeOffset NineAm(DateOnly day) => new(day.ToDateTime(new TimeOnly(9, 0)), Vietnam);

    /// <summary>The working day <paramref name="workingDays"/> away from <paramref name="due"/> (negative: before).</summary>
    public static DateOnly Shift(DateOnly due, int workingDays) => Calendar.AddWorkingDays(due, workingDays);

    /// <summary>Sets the application clock (and sweeps once); returns how many cases the sweep enqueued.</summary>
    public static async Task<int> SetClockAsync(this CaseApp app, DateTimeOffset now)
    {
        using var response = await app.PostAsync("/dev/clock", new { now });
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"POST /dev/clock: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["escalationsEnqueued"]!.GetValue<int>();
    }

    /// <summary>
    /// Sweeps again at <paramref name="now"/> until a sweep enqueues nothing and the escalation queue is empty: the
    /// index (kept by the outbox relay, eventually) has caught up and every escalation message, the repeats included,
    /// has been handled. Returns how many cases the first repeat enqueued.
    /// </summary>
    public static async Task<int> SettleAsync(this CaseApp app, DateTimeOffset now)
    {
        var queue = PlainStorage.Account(app.StorageConnectionString).GetQueueClient(app.Queue("EscalationsQueueName"));
        var first = await app.SetClockAsync(now);
        await Eventually.Until(
            async () => (Enqueued: await app.SetClockAsync(now), Waiting: await queue.ApproximateCountAsync()),
            r => r.Enqueued == 0 && r.Waiting == 0,
            TimeSpan.FromSeconds(60),
            $"sweeps at {now:O} settled");
        return first;
    }

    /// <summary>The running clocks of the detail: step and due date.</summary>
    public static List<(string Step, DateOnly Due)> RunningClocks(JsonObject detail) =>
        [.. detail["clocks"]!.AsArray()
            .Where(c => c!["status"]!.GetValue<string>() == "running")
            .Select(c => (c!["step"]!.GetValue<string>(), DateOnly.Parse(c["due"]!.GetValue<string>(), CultureInfo.InvariantCulture)))];

    /// <summary>The earliest due running clock: the one whose ladder the walk follows.</summary>
    public static (string Step, DateOnly Due) FirstDue(JsonObject detail)
    {
        var running = RunningClocks(detail);
        Assert.NotEmpty(running);
        return running.OrderBy(c => c.Due).First();
    }

    /// <summary>"step/rung" of every rung due by <paramref name="today"/> for the clocks, in firing order.</summary>
    public static List<string> Expected(IEnumerable<(string Step, DateOnly Due)> clocks, DateOnly today) =>
        [.. clocks
            .SelectMany(c => DefaultLadder.Select((r, order) => (c.Step, r.Rung, FiresOn: Shift(c.Due, -r.Lead), Order: order)))
            .Where(x => x.FiresOn <= today)
            .OrderBy(x => x.FiresOn)
            .ThenBy(x => x.Step, StringComparer.Ordinal)
            .ThenBy(x => x.Order)
            .Select(x => $"{x.Step}/{x.Rung}")];

    /// <summary>"step/rung" of the escalation events on the staff timeline, in timeline order.</summary>
    public static List<string> Fired(JsonObject detail) =>
        [.. detail["timeline"]!.AsArray()
            .Where(e => e!["type"]!.GetValue<string>() == "escalated")
            .Select(e => e!["values"]!.AsObject())
            .Select(v => $"{v["step"]?.GetValue<string>() ?? "unparsed"}/{v["rung"]?.GetValue<string>() ?? "unparsed"}")];

    /// <summary>Waits until the timeline shows exactly <paramref name="expected"/> (each rung once, in order).</summary>
    public static Task<JsonObject> EscalatedAsync(this CaseApp app, string code, IReadOnlyList<string> expected) =>
        Eventually.Until(
            () => app.JsonAsync($"/api/staff/cases/{code}"),
            d => Fired(d).SequenceEqual(expected),
            TimeSpan.FromSeconds(60),
            $"case {code} escalated exactly [{string.Join(", ", expected)}]");

    /// <summary>The development outbox (what the SMS sink recorded).</summary>
    public static async Task<List<JsonObject>> OutboxAsync(this CaseApp app)
    {
        using var response = await app.Client.GetAsync(new Uri("/dev/outbox", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await response.Content.ReadFromJsonAsync<JsonArray>())!.Select(n => n!.AsObject())];
    }

    /// <summary>The apologies (phiếu xin lỗi) recorded for the case.</summary>
    public static List<JsonObject> Apologies(IEnumerable<JsonObject> outbox, string code) =>
        [.. outbox.Where(m => m["text"]!.GetValue<string>().Contains("xin loi", StringComparison.OrdinalIgnoreCase)
            && m["text"]!.GetValue<string>().Contains(code, StringComparison.Ordinal))];
}
