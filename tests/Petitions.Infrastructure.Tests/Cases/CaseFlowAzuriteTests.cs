using Petitions.Core.Cases;
using Petitions.Core.Ports;
using Petitions.Core.UseCases.Escalations;
using Petitions.Core.UseCases.Processing;
using Petitions.Core.UseCases.Staff;

namespace Petitions.Infrastructure.Tests.Cases;

/// <summary>Intake → routing → escalation ladder, through the handlers and real queues on Azurite, on a manual clock.</summary>
public sealed class CaseFlowAzuriteTests
{
    private static DateTimeOffset On(int month, int day) => new(2026, month, day, 9, 0, 0, TimeSpan.FromHours(7));

    [Fact] // Luật Khiếu nại 2011, Điều 17 and 27: the ward resolves its own decision; acceptance within 10 days
    public async Task A_complaint_is_routed_to_the_ward_assigned_to_its_head_and_an_officer_with_its_acceptance_clock()
    {
        await using var world = await CaseWorld.StartAsync();
        var id = await world.FileAsync();
        Assert.Matches("^HS-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$", id);

        await world.PumpAsync();

        var routed = await world.CaseAsync(id);
        Assert.Equal("qn-camtay", routed.UnitId);
        Assert.Equal("qn-camtay-head", routed.ResponsibleHeadId);
        Assert.Contains(routed.OfficerId, new[] { "qn-camtay-officer1", "qn-camtay-officer2" });
        Assert.Equal(new DateOnly(2026, 3, 12), Assert.Single(routed.RunningClocks).Due);
        var notes = await world.NotificationsAsync(id);
        Assert.Contains(("case.received", "Citizen", (string?)null), notes);
        Assert.Contains(("case.assigned", "Officer", routed.OfficerId), notes);
        Assert.Contains(("case.routed", "Head", "qn-camtay-head"), notes);
    }

    [Fact]
    public async Task Officers_share_the_new_cases_of_their_unit()
    {
        await using var world = await CaseWorld.StartAsync();
        var ids = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            ids.Add(await world.FileAsync(phone: $"091234567{i}"));
            await world.PumpAsync();
        }

        var officers = new List<string?>();
        foreach (var id in ids)
        {
            officers.Add((await world.CaseAsync(id)).OfficerId);
        }

        Assert.Equal(2, officers.Count(o => o == "qn-camtay-officer1"));
        Assert.Equal(2, officers.Count(o => o == "qn-camtay-officer2"));
    }

    [Fact] // escalation-ladder.data.json: reminder T−5, unit head T−3, supervisor T−1, overdue at T (working days)
    public async Task As_the_clock_advances_reminder_head_supervisor_and_overdue_fire_once_each()
    {
        await using var world = await CaseWorld.StartAsync();
        var id = await world.FileAsync();
        await world.PumpAsync();
        var officer = (await world.CaseAsync(id)).OfficerId;

        await world.SweepAndPumpAsync();
        Assert.Empty(await world.EscalationsAsync(id));

        var days = new[] { (3, 5, "reminder"), (3, 9, "unit-head"), (3, 11, "supervisor"), (3, 12, "overdue") };
        foreach (var (month, day, rung) in days)
        {
            world.Clock.SetUtcNow(On(month, day).AddDays(-1));
            await world.SweepAndPumpAsync();
            Assert.DoesNotContain(await world.EscalationsAsync(id), e => e.Rung == rung);

            world.Clock.SetUtcNow(On(month, day));
            await world.SweepAndPumpAsync();
            await world.SweepAndPumpAsync();
            Assert.Single(await world.EscalationsAsync(id), e => e.Rung == rung);
        }

        world.Clock.SetUtcNow(On(3, 20));
        await world.SweepAndPumpAsync();
        await world.Get<FireEscalations.Handler>().HandleAsync(new(id));

        // The legal clock's rungs, once each and in order; the apology's promise (issue 21) has rungs of its own.
        Assert.Equal(["reminder", "unit-head", "supervisor", "overdue"], (await world.EscalationsAsync(id)).Where(e => !e.Rung.StartsWith("promise-", StringComparison.Ordinal)).Select(e => e.Rung));
        var notes = await world.NotificationsAsync(id);
        Assert.Single(notes, n => n == ("escalation.reminder", "Officer", officer));
        Assert.Single(notes, n => n == ("escalation.unit-head", "Head", "qn-camtay-head"));
        Assert.Single(notes, n => n == ("escalation.supervisor", "Supervisor", "qn-ttr-supervisor"));
        Assert.Single(notes, n => n == ("escalation.overdue", "Head", "qn-camtay-head"));
        Assert.Single(notes, n => n == ("escalation.overdue", "Supervisor", "qn-ttr-supervisor"));
        // The apology after the overdue rung, and a second one when its promised date also passed by 20 March (issue 21).
        Assert.Equal(2, notes.Count(n => n == ("case.apology", "Citizen", null)));
    }

    [Fact]
    public async Task After_a_missed_week_one_sweep_fires_every_missed_rung_once_in_order()
    {
        await using var world = await CaseWorld.StartAsync();
        var id = await world.FileAsync();
        await world.PumpAsync();

        world.Clock.SetUtcNow(On(3, 13));
        var swept = await world.Get<SweepEscalations.Handler>().HandleAsync(new());
        Assert.Equal(1, swept.CasesEnqueued);
        await world.PumpAsync();
        await world.SweepAndPumpAsync();
        var again = await world.Get<FireEscalations.Handler>().HandleAsync(new(id));

        Assert.Empty(again.Fired);
        // The legal clock's rungs, once each and in order; the apology's promise (issue 21) has rungs of its own.
        Assert.Equal(["reminder", "unit-head", "supervisor", "overdue"], (await world.EscalationsAsync(id)).Where(e => !e.Rung.StartsWith("promise-", StringComparison.Ordinal)).Select(e => e.Rung));
        Assert.Single(await world.NotificationsAsync(id), n => n.Template == "case.apology");
    }

    [Fact]
    public async Task The_sweep_reads_only_buckets_due_within_the_longest_lead()
    {
        await using var world = await CaseWorld.StartAsync();
        await world.FileAsync();
        world.Clock.SetUtcNow(On(3, 20));
        await world.FileAsync(phone: "0987000111");
        await world.PumpAsync();

        world.Clock.SetUtcNow(On(3, 5));
        var swept = await world.Get<SweepEscalations.Handler>().HandleAsync(new());

        Assert.Equal(1, swept.RowsRead);
        Assert.Equal(new DateOnly(2026, 3, 12), swept.ReadThrough);
    }

    [Fact]
    public async Task A_resolved_case_leaves_the_resolution_bucket_and_its_clock_escalates_no_more_while_the_decision_clocks_run()
    {
        await using var world = await CaseWorld.StartAsync();
        var id = await world.FileAsync();
        await world.PumpAsync();
        var officer = CaseWorld.Staff(world.Chart, (await world.CaseAsync(id)).OfficerId!);
        var detail = (await world.Get<GetCaseDetail.Handler>().HandleAsync(new(officer, id))).Value!;
        detail = (await world.Get<ClassifyCase.Handler>().HandleAsync(new(officer, id, detail.ETag, "accept"))).Value!;
        await world.PumpAsync();
        Assert.Contains(await world.RowsAsync(world.Names.IndexTable), r => IsDueRow(r.PartitionKey, r.RowKey, id, "resolve"));

        detail = (await world.Get<ResolveCase.Handler>().HandleAsync(new(officer, id, detail.ETag, "15/QĐ-UBND", "2026-03-04", "Giữ nguyên quyết định"))).Value!;
        Assert.Equal("resolved", detail.Status);
        await world.PumpAsync();

        world.Clock.SetUtcNow(On(4, 30));
        await world.SweepAndPumpAsync();

        // the resolution clock stopped: no bucket row and no rung for it; sending the decision (Điều 32) and its
        // taking effect (Điều 44) are the clocks a resolved first-instance complaint still runs
        var rows = await world.RowsAsync(world.Names.IndexTable);
        Assert.DoesNotContain(rows, r => IsDueRow(r.PartitionKey, r.RowKey, id, "resolve"));
        Assert.DoesNotContain(await world.EscalationsAsync(id), e => e.Step == "resolve");
        Assert.Contains(await world.EscalationsAsync(id), e => e.Step == "send-decision");
    }

    private static bool IsDueRow(string partitionKey, string rowKey, string id, string step) =>
        partitionKey.StartsWith("due-", StringComparison.Ordinal) && rowKey == $"{id}-{step}";

    [Fact]
    public async Task The_relay_run_twice_leaves_the_same_index()
    {
        await using var world = await CaseWorld.StartAsync();
        var id = await world.FileAsync();
        await world.PumpAsync();
        var first = Snapshot(await world.RowsAsync(world.Names.IndexTable));

        var again = await world.Get<RelayOutbox.Handler>().HandleAsync(new(id));
        await world.Get<RelayOutbox.Handler>().HandleAsync(new(id));

        Assert.Equal(0, again.ItemsApplied);
        Assert.Equal(first, Snapshot(await world.RowsAsync(world.Names.IndexTable)));
        Assert.Contains(first, r => r.StartsWith("unit-qn-camtay-received|", StringComparison.Ordinal));
        Assert.Contains(first, r => r.StartsWith("due-20260312|", StringComparison.Ordinal));
        Assert.Contains(first, r => r.StartsWith("officer-qn-camtay-officer", StringComparison.Ordinal));
        Assert.Contains(first, r => r.StartsWith("phone-", StringComparison.Ordinal));
        Assert.Empty(await world.Get<ICaseStore>().OutboxAsync(id));
    }

    [Fact]
    public async Task A_redelivered_routing_message_changes_nothing()
    {
        await using var world = await CaseWorld.StartAsync();
        var id = await world.FileAsync();
        await world.PumpAsync();
        var version = (await world.CaseAsync(id)).Version;

        var outcome = await world.Get<ProcessCase.Handler>().HandleAsync(new(id));

        Assert.Equal(ProcessCase.Outcome.AlreadyRouted, outcome);
        Assert.Equal(version, (await world.CaseAsync(id)).Version);
    }

    private static List<string> Snapshot(List<Azure.Data.Tables.TableEntity> rows) =>
        [.. rows.Select(r => $"{r.PartitionKey}|{r.RowKey}|{string.Join(",", r.Where(p => p.Key is not ("Timestamp" or "odata.etag")).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"))}").Order(StringComparer.Ordinal)];
}
