using System.Text.Json.Nodes;
using Petitions.TestKit;
using static Petitions.Functions.Tests.Cases.EscalationWalk;

namespace Petitions.Functions.Tests.Cases;

/// <summary>
/// The escalation ladder end to end: a complaint filed through HTTP, routed and assigned by the queue functions, then
/// the Development clock walked towards its due date with POST /dev/clock (which sweeps once); the escalation queue
/// fires the rungs on Azurite.
/// </summary>
public sealed class EscalationLadderTests : IAsyncLifetime
{
    private const string Phone = "0912345678";

    private readonly CaseApp _app = new(ownHost: true);

    public Task InitializeAsync() => _app.StartAsync();

    public Task DisposeAsync() => _app.StopAsync();

    [Fact]
    public async Task Reminder_head_supervisor_and_overdue_rungs_fire_once_each_as_the_clock_reaches_T_minus_5_3_1_and_T()
    {
        var (code, clocks, walked) = await AssignedComplaintAsync();

        foreach (var (rung, lead) in DefaultLadder)
        {
            var day = Shift(walked.Due, -lead);
            await _app.SetClockAsync(NineAm(day));
            var expected = Expected(clocks, day);
            Assert.Contains($"{walked.Step}/{rung}", expected);

            await _app.EscalatedAsync(code, expected);

            // The same instant again, at once and until the index has caught up (repeated sweeps, redeliveries):
            // nothing fires twice.
            await _app.SettleAsync(NineAm(day));
            var fired = Fired(await _app.JsonAsync($"/api/staff/cases/{code}"));
            Assert.Equal(expected, fired);
            Assert.Single(fired, f => f == $"{walked.Step}/{rung}");
            Assert.Equal(fired.Count, fired.Distinct(StringComparer.Ordinal).Count());
            if (rung != "overdue")
            {
                // Only the overdue rung speaks to the citizen (phiếu xin lỗi).
                Assert.Empty(Apologies(await _app.OutboxAsync(), code));
            }
        }

        var timeline = (await _app.JsonAsync($"/api/staff/cases/{code}"))["timeline"]!.AsArray();
        Assert.All(timeline.Where(e => e!["type"]!.GetValue<string>() == "escalated"), e => Assert.Equal("system", e!["actor"]!.GetValue<string>()));

        var outbox = await Eventually.Until(_app.OutboxAsync, o => Apologies(o, code).Count > 0, TimeSpan.FromSeconds(60), $"apology for {code}");
        var apology = Assert.Single(Apologies(outbox, code));
        Assert.EndsWith(Phone[1..], apology["to"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sweep_that_missed_a_week_fires_every_missed_rung_once_in_order()
    {
        var (code, clocks, walked) = await AssignedComplaintAsync();
        var before = Shift(walked.Due, -6);
        await _app.SetClockAsync(NineAm(before));
        var none = Expected(clocks, before);
        Assert.DoesNotContain(none, f => f.StartsWith(walked.Step + "/", StringComparison.Ordinal));
        await _app.EscalatedAsync(code, none);

        var after = Shift(walked.Due, 1);
        Assert.True(after.DayNumber - before.DayNumber >= 7, "the jump spans at least a week");
        Assert.Equal(1, await _app.SetClockAsync(NineAm(after)));
        var detail = await _app.EscalatedAsync(code, Expected(clocks, after));

        Assert.Equal(
            DefaultLadder.Select(r => $"{walked.Step}/{r.Rung}"),
            Fired(detail).Where(f => f.StartsWith(walked.Step + "/", StringComparison.Ordinal)));
        await _app.SettleAsync(NineAm(after));
        Assert.Equal(Expected(clocks, after), Fired(await _app.JsonAsync($"/api/staff/cases/{code}")));
        var outbox = await Eventually.Until(_app.OutboxAsync, o => Apologies(o, code).Count > 0, TimeSpan.FromSeconds(60), $"apology for {code}");
        Assert.Single(Apologies(outbox, code));
    }

    private async Task<(string Code, List<(string Step, DateOnly Due)> Clocks, (string Step, DateOnly Due) Walked)> AssignedComplaintAsync()
    {
        var code = await _app.FileAsync(phone: Phone);
        await _app.SignInAsync("qn-camtay-head");
        JsonObject detail = await _app.AssignedAsync(code);
        Assert.Empty(Fired(detail));
        return (code, RunningClocks(detail), FirstDue(detail));
    }
}
