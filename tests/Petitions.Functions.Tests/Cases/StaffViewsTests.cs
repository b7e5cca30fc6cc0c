using Petitions.TestKit;
using static Petitions.Functions.Tests.Cases.EscalationWalk;

namespace Petitions.Functions.Tests.Cases;

/// <summary>GET /api/staff/cases?view=…: each view lists the case once the step that puts it there has happened.</summary>
public sealed class StaffViewsTests : IAsyncLifetime
{
    private readonly CaseApp _app = new(ownHost: true);

    public Task InitializeAsync() => _app.StartAsync();

    public Task DisposeAsync() => _app.StopAsync();

    [Fact]
    public async Task Mine_unit_due_soon_escalated_and_overdue_list_the_case_after_the_step_that_puts_it_there()
    {
        var code = await _app.FileAsync();
        await _app.SignInAsync("qn-camtay-head");
        var detail = await _app.AssignedAsync(code);
        var officer = detail["officer"]!["id"]!.GetValue<string>();
        var (step, due) = FirstDue(detail);

        await ListedAsync("unit", code);
        await _app.SignInAsync(officer);
        await ListedAsync("mine", code);
        await _app.SignInAsync("qn-camtay-head");

        // The index is kept by the outbox relay (eventually): each step settles (repeat sweeps enqueue nothing, the
        // escalation queue is empty) before a view is asserted not to list the case.

        // A working week before the reminder: not yet due soon, not escalated, not overdue.
        await _app.SettleAsync(NineAm(Shift(due, -6)));
        Assert.DoesNotContain(code, await CodesAsync("due-soon"));
        Assert.DoesNotContain(code, await CodesAsync("escalated"));
        Assert.DoesNotContain(code, await CodesAsync("overdue"));

        // T−5: due within the due-soon window (5 working days); the reminder alone does not make it "escalated".
        var reminder = Shift(due, -5);
        await _app.SettleAsync(NineAm(reminder));
        await _app.EscalatedAsync(code, Expected(RunningClocks(detail), reminder));
        await ListedAsync("due-soon", code);
        Assert.DoesNotContain(code, await CodesAsync("escalated"));

        // T−3: the head rung puts it in the escalated view.
        var head = Shift(due, -3);
        await _app.SettleAsync(NineAm(head));
        await _app.EscalatedAsync(code, Expected(RunningClocks(detail), head));
        await ListedAsync("escalated", code);
        Assert.DoesNotContain(code, await CodesAsync("overdue"));

        // The day after T: overdue, and still escalated.
        var late = Shift(due, 1);
        await _app.SettleAsync(NineAm(late));
        await _app.EscalatedAsync(code, Expected(RunningClocks(detail), late));
        await ListedAsync("overdue", code);
        await ListedAsync("escalated", code);
        Assert.Contains($"{step}/overdue", Fired(await _app.JsonAsync($"/api/staff/cases/{code}")));
    }

    [Fact]
    public async Task The_unit_view_pages_with_a_continuation_through_more_cases_than_a_page()
    {
        var codes = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            codes.Add(await _app.FileAsync(phone: $"091234567{i}"));
        }

        await _app.SignInAsync("qn-camtay-head");
        foreach (var code in codes)
        {
            await _app.AssignedAsync(code);
        }

        await Eventually.Until(() => CodesAsync("unit"), listed => codes.All(listed.Contains), TimeSpan.FromSeconds(60), "the unit view lists the five cases");

        var seen = new List<string>();
        var pages = 0;
        string? continuation = null;
        do
        {
            var path = "/api/staff/cases?view=unit&pageSize=2" + (continuation is null ? string.Empty : "&continuation=" + Uri.EscapeDataString(continuation));
            var page = await _app.JsonAsync(path);
            var items = page["items"]!.AsArray();
            Assert.True(items.Count <= 2, $"page {pages} holds {items.Count} items");
            seen.AddRange(items.Select(i => i!["trackingCode"]!.GetValue<string>()));
            continuation = page["continuation"]?.GetValue<string>();
            pages++;
            Assert.True(pages < 20, "the continuation ends");
        }
        while (continuation is not null);

        Assert.True(pages >= 3, $"5 cases at 2 a page take at least 3 pages ({pages})");
        Assert.Equal(seen.Count, seen.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(codes.Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));
    }

    private Task<List<string>> ListedAsync(string view, string code) =>
        Eventually.Until(() => CodesAsync(view), codes => codes.Contains(code), TimeSpan.FromSeconds(60), $"view {view} lists {code}");

    private async Task<List<string>> CodesAsync(string view)
    {
        var page = await _app.JsonAsync($"/api/staff/cases?view={view}&pageSize=100");
        return [.. page["items"]!.AsArray().Select(i => i!["trackingCode"]!.GetValue<string>())];
    }
}
