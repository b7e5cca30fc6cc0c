using Microsoft.Extensions.Logging.Abstractions;
using Petitions.Core.Cases;
using Petitions.Core.Escalation;
using Petitions.Core.Organisation;
using Petitions.Core.Ports;
using Petitions.Core.Tests.LegalClock;
using Petitions.Core.Time;
using Petitions.Core.UseCases.Common;
using Petitions.Core.UseCases.Intake;
using Petitions.Core.UseCases.Processing;
using Petitions.Core.UseCases.Staff;

namespace Petitions.Core.Tests.UseCases;

/// <summary>
/// Chuyển đơn through the use cases: a forward commits the hand-over work with the case (outbox), the intake queue's
/// handler has the receiving unit take it in and assign its least-loaded officer, and only once.
/// </summary>
public sealed class ForwardToTargetUnitTests
{
    private static readonly OrganisationChart Chart = OrganisationLoader.LoadDemo();
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(7));

    private readonly InMemoryCaseStore _store = new();
    private readonly InMemoryCaseIndex _index = new();
    private readonly RecordingWorkSender _sender = new();
    private readonly ManualTimeProvider _time = new(Monday);
    private readonly CaseIndexEntries _entries = new(new EscalationPolicy(EscalationLadder.LoadEmbedded(), LegalClockFixture.WorkingCalendar));
    private readonly CaseWriter _writer;
    private readonly ProcessCase.Handler _process;
    private readonly ClassifyCase.Handler _classify;
    private readonly GetCaseDetail.Handler _detail;

    public ForwardToTargetUnitTests()
    {
        var calculator = LegalClockFixture.Calculator();
        _writer = new CaseWriter(_store, _sender, _entries, new CaseHandlingSettings());
        _process = new ProcessCase.Handler(_store, _index, _writer, _entries, Chart, calculator, _time, NullLogger<ProcessCase.Handler>.Instance);
        var views = new StaffCaseViews(_store, new TaggingProtector(), Chart, calculator);
        var runner = new StaffActionRunner(_store, _writer, _entries, views, Chart, _time, NullLogger<StaffActionRunner>.Instance);
        _classify = new ClassifyCase.Handler(runner, calculator);
        _detail = new GetCaseDetail.Handler(_store, views, Chart);
    }

    [Fact] // Luật Tố cáo 2018, Điều 24; Thông tư 05/2021/TT-TTCP, Điều 14
    public async Task A_forward_commits_the_hand_over_work_and_the_citizens_notice_with_the_case()
    {
        var code = await FiledAndRoutedAsync(CaseKind.Denunciation);
        var officer = (await _store.FindAsync(code))!.Case.OfficerId!;

        var detail = await ForwardAsync(code, Staff(officer), "qn-snnmt");

        Assert.Equal("forwarded", detail.Status);
        var outbox = await _store.OutboxAsync(code);
        Assert.Contains(outbox, i => i.Work is { Queue: CaseQueues.Intake } w && CaseWriter.CaseIdOf(w.Message) == code);
        var notice = Assert.Single(outbox, i => i.Notify is { Audience: NotificationAudience.Citizen }).Notify!;
        Assert.Equal(("case.forwarded", NotificationAudience.Citizen, "qn-camtay", "qn-snnmt"),
            (notice.Template, notice.Audience, notice.Data["unitId"], notice.Data["otherUnitId"]));
    }

    [Fact]
    public async Task The_receiving_unit_takes_the_case_in_with_its_least_loaded_officer_and_a_redelivery_changes_nothing()
    {
        var code = await FiledAndRoutedAsync(CaseKind.Petition);
        await _index.UpsertAsync([Busy("qn-sxd-officer1", "HS-0000-0001"), Busy("qn-sxd-officer1", "HS-0000-0002")]);
        await ForwardAsync(code, Staff((await _store.FindAsync(code))!.Case.OfficerId!), "qn-sxd");
        _time.Advance(TimeSpan.FromDays(1));

        Assert.Equal(ProcessCase.Outcome.ForwardReceived, await _process.HandleAsync(new(code)));
        Assert.Equal(ProcessCase.Outcome.AlreadyRouted, await _process.HandleAsync(new(code)));

        var (@case, _, _) = (await _store.FindAsync(code))!;
        Assert.Equal((CaseStatus.Received, "qn-sxd", "qn-sxd-head"), (@case.Status, @case.UnitId, @case.ResponsibleHeadId));
        Assert.Equal(Chart.OfficersOf("qn-sxd").Select(o => o.Id).First(id => id != "qn-sxd-officer1"), @case.OfficerId);
        Assert.Equal(new DateOnly(2026, 3, 2), Assert.Single(@case.RunningClocks).Trigger);
        Assert.Single((await _store.EventsAsync(code)).OfType<ForwardedCaseReceived>());
        var notices = (await _store.OutboxAsync(code)).Where(i => i.Notify is not null).Select(i => i.Notify!).ToList();
        Assert.Contains(notices, n => n is { Template: "case.assigned", Audience: NotificationAudience.Officer } && n.RecipientId == @case.OfficerId);
        Assert.Contains(notices, n => n is { Template: "case.forwarded", Audience: NotificationAudience.Head, RecipientId: "qn-sxd-head" } && n.Data["fromUnitId"] == "qn-camtay");
    }

    [Fact]
    public async Task A_concurrent_delivery_loses_on_the_ETag_and_finds_the_case_already_received()
    {
        var code = await FiledAndRoutedAsync(CaseKind.Denunciation);
        await ForwardAsync(code, Staff((await _store.FindAsync(code))!.Case.OfficerId!), "qn-snnmt");
        ProcessCase.Outcome? competitor = null;
        _store.BeforeCommit = async () => competitor = await _process.HandleAsync(new(code));

        var first = await _process.HandleAsync(new(code));

        Assert.Equal((ProcessCase.Outcome.AlreadyRouted, ProcessCase.Outcome.ForwardReceived), (first, competitor));
        Assert.Single((await _store.EventsAsync(code)).OfType<ForwardedCaseReceived>());
    }

    [Fact]
    public async Task A_forward_to_the_unit_that_holds_the_case_is_refused_and_a_retry_with_the_old_ETag_is_a_conflict()
    {
        var code = await FiledAndRoutedAsync(CaseKind.Denunciation);
        var who = Staff((await _store.FindAsync(code))!.Case.OfficerId!);
        var etag = (await _store.FindAsync(code))!.ETag;

        var itself = await _classify.HandleAsync(new(who, code, etag, "forward", "r", "qn-camtay"));
        Assert.Equal(ProblemKind.InvalidTransition, itself.Problem!.Kind);

        Assert.True((await _classify.HandleAsync(new(who, code, etag, "forward", "outside competence", "qn-snnmt"))).Succeeded);
        var retry = await _classify.HandleAsync(new(who, code, etag, "forward", "outside competence", "qn-snnmt"));
        Assert.Equal(ProblemKind.Conflict, retry.Problem!.Kind);
        Assert.Single((await _store.EventsAsync(code)).OfType<CaseForwarded>());
    }

    [Fact] // Luật Tố cáo 2018, Điều 47: the denouncer's identity is for the assigned officer and the responsible head only
    public async Task After_the_hand_over_only_the_receiving_units_officer_and_head_see_the_denouncer()
    {
        var code = await FiledAndRoutedAsync(CaseKind.Denunciation);
        var formerOfficer = (await _store.FindAsync(code))!.Case.OfficerId!;
        await ForwardAsync(code, Staff(formerOfficer), "qn-snnmt");
        await _process.HandleAsync(new(code));
        var assigned = (await _store.FindAsync(code))!.Case.OfficerId!;
        var colleague = Chart.OfficersOf("qn-snnmt").Select(o => o.Id).First(id => id != assigned);

        Assert.False((await _detail.HandleAsync(new(Staff(assigned), code))).Value!.Citizen.Masked);
        Assert.False((await _detail.HandleAsync(new(Staff("qn-snnmt-head"), code))).Value!.Citizen.Masked);
        Assert.True((await _detail.HandleAsync(new(Staff(colleague), code))).Value!.Citizen.Masked);
        Assert.True((await _detail.HandleAsync(new(Staff("qn-ttr-supervisor"), code))).Value!.Citizen.Masked);
        Assert.Equal(ProblemKind.Forbidden, (await _detail.HandleAsync(new(Staff(formerOfficer), code))).Problem!.Kind);
        Assert.Equal(ProblemKind.Forbidden, (await _detail.HandleAsync(new(Staff("qn-camtay-head"), code))).Problem!.Kind);
    }

    private static StaffPrincipal Staff(string id) => new(id, Chart.FindStaff(id)!.UnitId, Chart.FindStaff(id)!.Role);

    private static IndexEntry Busy(string officer, string caseId) =>
        new(new IndexKey(CaseIndexEntries.OfficerPartition(officer), caseId), new IndexValues(caseId, "petition", "t", "received", "qn-sxd", officer, null, null));

    private async Task<CaseDetail> ForwardAsync(string code, StaffPrincipal who, string target)
    {
        var etag = (await _store.FindAsync(code))!.ETag;
        var result = await _classify.HandleAsync(new(who, code, etag, "forward", "outside the unit's competence", target));
        Assert.True(result.Succeeded, result.Problem?.Detail);
        return result.Value!;
    }

    /// <summary>A letter filed with qn-camtay on Monday, concerning nobody in particular, routed by the intake handler.</summary>
    private async Task<string> FiledAndRoutedAsync(CaseKind kind)
    {
        var code = TrackingCode.New();
        var protector = new TaggingProtector();
        SealedPerson Sealed(string at) => new(protector.Seal("Trần Thị Bích Ngọc", $"{code}/{at}.name"), protector.Seal("+84987654321", $"{code}/{at}.phone"), null);
        var @case = Case.Receive(code, kind, false, false, "citizen", _time.GetUtcNow(), LegalClockFixture.Calculator());
        var letter = new CaseLetter("qn-camtay", "Title", "Content", Sealed("citizen"), null, "web", null, [], 1, "h+84987654321", _time.GetUtcNow(), @case.Clocks[0].Due);
        Assert.False((await _writer.CommitAsync(@case, letter, null, [])).Conflicted);
        Assert.Equal(ProcessCase.Outcome.Routed, await _process.HandleAsync(new(code)));
        Assert.Equal("qn-camtay", (await _store.FindAsync(code))!.Case.UnitId);
        return code;
    }
}
