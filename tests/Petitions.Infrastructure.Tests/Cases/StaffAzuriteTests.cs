using Petitions.Core.UseCases.Common;
using Petitions.Core.UseCases.Staff;

namespace Petitions.Infrastructure.Tests.Cases;

public sealed class StaffAzuriteTests
{
    [Fact]
    public async Task An_action_with_a_stale_ETag_gets_a_conflict_and_changes_nothing()
    {
        await using var world = await CaseWorld.StartAsync();
        var id = await world.FileAsync();
        await world.PumpAsync();
        var head = CaseWorld.Staff(world.Chart, "qn-camtay-head");
        var read = (await world.Get<GetCaseDetail.Handler>().HandleAsync(new(head, id))).Value!;
        var accepted = await world.Get<ClassifyCase.Handler>().HandleAsync(new(head, id, read.ETag, "accept"));

        var stale = await world.Get<SuspendCase.Handler>().HandleAsync(new(head, id, read.ETag, "chờ ý kiến chuyên môn"));

        Assert.True(accepted.Succeeded);
        Assert.NotEqual(read.ETag, accepted.Value!.ETag);
        Assert.Equal((409, "case.changed"), (stale.Problem!.Status, stale.Problem.Code));
        Assert.Equal("assigned", (await world.Get<GetCaseDetail.Handler>().HandleAsync(new(head, id))).Value!.Status);
    }

    [Fact]
    public async Task Staff_of_another_unit_can_neither_read_nor_act_and_a_supervisor_reads_only()
    {
        await using var world = await CaseWorld.StartAsync();
        var id = await world.FileAsync();
        await world.PumpAsync();
        var outsider = CaseWorld.Staff(world.Chart, "qn-halong-head");
        var supervisor = CaseWorld.Staff(world.Chart, "qn-ttr-supervisor");
        var etag = (await world.Get<GetCaseDetail.Handler>().HandleAsync(new(supervisor, id))).Value!.ETag;

        var read = await world.Get<GetCaseDetail.Handler>().HandleAsync(new(outsider, id));
        var act = await world.Get<ClassifyCase.Handler>().HandleAsync(new(outsider, id, etag, "accept"));
        var supervise = await world.Get<ClassifyCase.Handler>().HandleAsync(new(supervisor, id, etag, "accept"));
        var officerReassigns = await world.Get<ReassignCase.Handler>().HandleAsync(new(CaseWorld.Staff(world.Chart, "qn-camtay-officer1"), id, etag, "qn-camtay-officer2"));

        Assert.Equal(ProblemKind.Forbidden, read.Problem!.Kind);
        Assert.Equal(ProblemKind.Forbidden, act.Problem!.Kind);
        Assert.Equal(ProblemKind.Forbidden, supervise.Problem!.Kind);
        Assert.Equal(ProblemKind.Forbidden, officerReassigns.Problem!.Kind);
    }

    [Fact] // Luật Khiếu nại 2011, Điều 27 and 28
    public async Task A_case_walks_accept_suspend_resume_resolve_close_with_an_event_per_action_and_explained_clocks()
    {
        await using var world = await CaseWorld.StartAsync();
        var id = await world.FileAsync();
        await world.PumpAsync();
        var officer = CaseWorld.Staff(world.Chart, (await world.CaseAsync(id)).OfficerId!);
        var d = (await world.Get<GetCaseDetail.Handler>().HandleAsync(new(officer, id))).Value!;

        d = (await world.Get<ClassifyCase.Handler>().HandleAsync(new(officer, id, d.ETag, "accept"))).Value!;
        world.Clock.Advance(TimeSpan.FromDays(2));
        d = (await world.Get<SuspendCase.Handler>().HandleAsync(new(officer, id, d.ETag, "chờ kết quả giám định"))).Value!;
        var early = await world.Get<ResolveCase.Handler>().HandleAsync(new(officer, id, d.ETag, "1/QĐ", "2026-03-05", "x"));
        world.Clock.Advance(TimeSpan.FromDays(3));
        d = (await world.Get<ResumeCase.Handler>().HandleAsync(new(officer, id, d.ETag))).Value!;
        d = (await world.Get<ResolveCase.Handler>().HandleAsync(new(officer, id, d.ETag, "15/QĐ-UBND", "2026-03-09", "Giữ nguyên quyết định"))).Value!;
        d = (await world.Get<CloseCase.Handler>().HandleAsync(new(officer, id, d.ETag))).Value!;

        Assert.Equal(422, early.Problem!.Status);
        Assert.Equal("closed", d.Status);
        Assert.Equal(
            ["received", "routed", "accepted", "suspended", "resumed", "resolved", "closed"],
            d.Timeline.Select(t => t.Type));
        Assert.All(d.Timeline.Skip(2), t => Assert.Equal(officer.StaffId, t.Actor));
        var resolve = Assert.Single(d.Clocks, c => c.Step == "resolve");
        Assert.Equal("Luật Khiếu nại 2011, Điều 28", resolve.Explanation.Source);
        Assert.Equal(("resolve", resolve.Due), (resolve.Explanation.Step, resolve.Explanation.Due));
        Assert.Equal(resolve.Explanation.Trigger.AddDays(1), resolve.Explanation.CountingStarts);
    }

    [Fact]
    public async Task Lists_page_through_my_queue_the_unit_and_the_overdue_cases()
    {
        await using var world = await CaseWorld.StartAsync();
        for (var i = 0; i < 5; i++)
        {
            await world.FileAsync(phone: $"091200000{i}");
            await world.PumpAsync();
        }

        var head = CaseWorld.Staff(world.Chart, "qn-camtay-head");
        var officer = CaseWorld.Staff(world.Chart, "qn-camtay-officer1");
        var list = world.Get<ListCases.Handler>();

        var seen = new List<string>();
        string? token = null;
        do
        {
            var page = (await list.HandleAsync(new(head, "unit", 2, token))).Value!;
            Assert.InRange(page.Items.Count, 0, 2);
            seen.AddRange(page.Items.Select(i => i.TrackingCode));
            token = page.Continuation;
        }
        while (token is not null);

        var mine = (await list.HandleAsync(new(officer, "mine"))).Value!;
        world.Clock.SetUtcNow(CaseWorld.Start.AddDays(11));
        await world.SweepAndPumpAsync();
        var overdue = (await list.HandleAsync(new(head, "overdue"))).Value!;
        var escalated = (await list.HandleAsync(new(CaseWorld.Staff(world.Chart, "qn-ttr-supervisor"), "escalated"))).Value!;
        var bad = await list.HandleAsync(new(head, "everything"));

        Assert.Equal(5, seen.Distinct().Count());
        Assert.InRange(mine.Items.Count, 2, 3);
        Assert.All(mine.Items, i => Assert.Equal(officer.StaffId, i.OfficerId));
        Assert.Equal(5, overdue.Items.Count);
        Assert.Equal(5, escalated.Items.Count);
        Assert.All(escalated.Items, i => Assert.Equal("overdue", i.Escalation));
        Assert.Equal("view.invalid", Assert.Single(bad.Problem!.Errors).Code);
    }
}
