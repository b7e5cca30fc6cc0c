using Microsoft.Extensions.Logging.Abstractions;
using Petitions.Core.Calendar;
using Petitions.Core.Cases;
using Petitions.Core.Escalation;
using Petitions.Core.LegalClock;
using Petitions.Core.Organisation;
using Petitions.Core.Ports;
using Petitions.Core.Time;
using Petitions.Core.UseCases.Common;
using Petitions.Core.UseCases.Escalations;
using Petitions.Core.UseCases.Intake;
using Petitions.Core.UseCases.Processing;
using Petitions.Core.UseCases.Staff;

namespace Petitions.Core.Tests.UseCases;

/// <summary>
/// The decision clocks end to end through the use cases: the staff resolve and record the sending on the staff-action
/// path, the sweep reads the resolved case's due rows, the escalation fires its rungs, and when the first-instance
/// decision takes effect the head and officer are told that closing is proposed (Luật Khiếu nại 2011, Điều 32, 44).
/// </summary>
public sealed class DecisionClockFlowTests
{
    private static readonly OrganisationChart Chart = OrganisationLoader.LoadDemo();
    private static readonly DeadlineCalculator Calculator = new(LegalLimits.LoadEmbedded(), VietnamWorkingCalendar.Default);
    private static readonly StaffPrincipal Officer = new("qn-camtay-officer1", "qn-camtay", StaffRole.Officer);

    // Thursday 12 February 2026, 10:00 in Vietnam (the last working day before Tết 2026).
    private static readonly DateTimeOffset DecisionDay = new(2026, 2, 12, 10, 0, 0, TimeSpan.FromHours(7));

    private static readonly TaggingProtector Protector = new();

    private readonly InMemoryCaseStore _store = new();
    private readonly InMemoryCaseIndex _index = new();
    private readonly RecordingWorkSender _sender = new();
    private readonly ManualTimeProvider _time = new(DecisionDay);
    private readonly EscalationPolicy _policy = new(EscalationLadder.LoadEmbedded(), VietnamWorkingCalendar.Default);
    private readonly CaseIndexEntries _entries;
    private readonly CaseWriter _writer;
    private readonly RelayOutbox.Handler _relay;
    private readonly StaffActionRunner _runner;

    public DecisionClockFlowTests()
    {
        _entries = new CaseIndexEntries(_policy);
        _writer = new CaseWriter(_store, _sender, _entries, new CaseHandlingSettings());
        _relay = new RelayOutbox.Handler(_store, _index, _sender, new NullNotifications(), _entries, NullLogger<RelayOutbox.Handler>.Instance);
        var views = new StaffCaseViews(_store, new TaggingProtector(), Chart, Calculator);
        _runner = new StaffActionRunner(_store, _writer, _entries, views, Chart, _time, NullLogger<StaffActionRunner>.Instance);
    }

    [Fact] // Luật Khiếu nại 2011, Điều 32 and 44, on the staff-action path
    public async Task Resolve_then_decision_sent_then_the_effect_lapses_and_closing_is_proposed_to_the_head_and_officer()
    {
        var code = await InProgressComplaintAsync();

        var resolved = await new ResolveCase.Handler(_runner, Calculator).HandleAsync(
            new(Officer, code, await ETagAsync(code), "12/QĐ-UBND", "2026-02-12", "Giữ nguyên quyết định."));
        Assert.True(resolved.Succeeded);
        var send = Assert.Single(resolved.Value!.Clocks, c => c.Step == "send-decision");
        Assert.Equal((new DateOnly(2026, 2, 24), "running"), (send.Due, send.Status));
        Assert.Contains("Điều 32", send.Explanation.Source, StringComparison.Ordinal);
        await _relay.HandleAsync(new(code));

        // Tuesday 24 February 2026: the sending is due today; the sweep reads the resolved case and fires its rungs.
        _time.SetUtcNow(new DateTimeOffset(2026, 2, 24, 8, 0, 0, TimeSpan.FromHours(7)));
        var sweep = await Sweep().HandleAsync(new());
        Assert.Equal(1, sweep.CasesEnqueued);
        var fired = await Fire().HandleAsync(new(code));
        Assert.Equal(["send-decision/reminder", "send-decision/unit-head", "send-decision/overdue"], fired.Fired);

        var sent = await new RecordClockAction.Handler(_runner, Calculator).HandleAsync(
            new(Officer, code, await ETagAsync(code), "decision-sent", "2026-02-24", null, null));
        Assert.True(sent.Succeeded);
        Assert.Equal("stopped", Assert.Single(sent.Value!.Clocks, c => c.Step == "send-decision").Status);
        await _relay.HandleAsync(new(code));

        // Monday 16 March 2026 is the effect clock's due date: nothing yet. Tuesday 17 March: closing is proposed.
        _time.SetUtcNow(new DateTimeOffset(2026, 3, 16, 8, 0, 0, TimeSpan.FromHours(7)));
        Assert.Equal(0, (await Sweep().HandleAsync(new())).CasesEnqueued);
        _time.SetUtcNow(new DateTimeOffset(2026, 3, 17, 8, 0, 0, TimeSpan.FromHours(7)));
        Assert.Equal(1, (await Sweep().HandleAsync(new())).CasesEnqueued);
        Assert.Equal(["decision-effective/propose-close"], (await Fire().HandleAsync(new(code))).Fired);

        var stored = (await _store.FindAsync(code))!;
        Assert.Equal((CaseStatus.Resolved, new DateOnly(2026, 3, 17)), (stored.Case.Status, stored.Case.ClosingProposedOn));
        Assert.Single((await _store.EventsAsync(code)).OfType<ClosingProposed>());
        var told = (await _store.OutboxAsync(code)).Where(i => i.Notify is { Template: "escalation.propose-close" }).Select(i => i.Notify!.Audience).Order().ToList();
        Assert.Equal([NotificationAudience.Officer, NotificationAudience.Head], told);
        Assert.DoesNotContain(await _store.OutboxAsync(code), i => i.Notify is { Audience: NotificationAudience.Citizen, Template: "escalation.propose-close" });
        Assert.Empty((await Fire().HandleAsync(new(code))).Fired);

        var detail = await new GetCaseDetail.Handler(_store, new StaffCaseViews(_store, new TaggingProtector(), Chart, Calculator), Chart).HandleAsync(new(Officer, code));
        Assert.Equal(new DateOnly(2026, 3, 17), detail.Value!.ClosingProposedOn);

        var closed = await new CloseCase.Handler(_runner).HandleAsync(new(Officer, code, await ETagAsync(code)));
        Assert.Equal("closed", closed.Value!.Status);
    }

    [Fact] // Luật Khiếu nại 2011, Điều 44: a lawsuit recorded on the path stops the effect clock; no proposal follows
    public async Task A_lawsuit_recorded_before_the_effect_date_means_no_closing_is_proposed()
    {
        var code = await InProgressComplaintAsync();
        await new ResolveCase.Handler(_runner, Calculator).HandleAsync(new(Officer, code, await ETagAsync(code), "12/QĐ-UBND", "2026-02-12", "Giữ nguyên."));
        _time.SetUtcNow(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(7)));

        var missing = await new RecordClockAction.Handler(_runner, Calculator).HandleAsync(new(Officer, code, await ETagAsync(code), "lawsuit", "2026-03-02", null, null));
        Assert.False(missing.Succeeded);
        var recorded = await new RecordClockAction.Handler(_runner, Calculator).HandleAsync(
            new(Officer, code, await ETagAsync(code), "lawsuit", "2026-03-02", null, "Tòa án nhân dân tỉnh thụ lý vụ án hành chính"));
        Assert.True(recorded.Succeeded);
        Assert.Equal("stopped", Assert.Single(recorded.Value!.Clocks, c => c.Step == "decision-effective").Status);

        _time.SetUtcNow(new DateTimeOffset(2026, 3, 17, 8, 0, 0, TimeSpan.FromHours(7)));
        Assert.DoesNotContain("decision-effective/propose-close", (await Fire().HandleAsync(new(code))).Fired);
        Assert.Null((await _store.FindAsync(code))!.Case.ClosingProposedOn);
    }

    [Fact]
    public void Every_action_name_maps_to_a_case_action_and_others_are_not_handled()
    {
        Assert.All(RecordClockAction.Names.Keys, n => Assert.True(RecordClockAction.Handles(n)));
        Assert.False(RecordClockAction.Handles("resolve"));
        Assert.False(RecordClockAction.Handles(null));
    }

    private SweepEscalations.Handler Sweep() => new(_index, _sender, _policy, _time, NullLogger<SweepEscalations.Handler>.Instance);

    private FireEscalations.Handler Fire() =>
        new(_store, _writer, _entries, _policy, Chart, Calculator, new CaseHandlingSettings(), _time, NullLogger<FireEscalations.Handler>.Instance);

    private async Task<string> ETagAsync(string code) => (await _store.FindAsync(code))!.ETag;

    private async Task<string> InProgressComplaintAsync()
    {
        var code = TrackingCode.New();
        var start = new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.FromHours(7));
        var @case = Case.Receive(code, CaseKind.ComplaintFirstInstance, false, false, "citizen", start, Calculator);
        @case.Route("qn-camtay", false, "qn-camtay-head", Officer.StaffId, "test", "system", start, Calculator);
        @case.Accept(Officer.StaffId, start.AddDays(1), Calculator);
        @case.StartWork(Officer.StaffId, start.AddDays(2));
        var letter = new CaseLetter("qn-camtay", "Title", "Content", new SealedPerson(Protector.Seal("Nguyễn Văn A", $"{code}/citizen.name"), Protector.Seal("+84912345678", $"{code}/citizen.phone"), null), null, "web", null, [], 1, "hash", start, @case.Clocks[0].Due);
        Assert.False((await _writer.CommitAsync(@case, letter, null, [])).Conflicted);
        await _relay.HandleAsync(new(code));
        return code;
    }

    private sealed class NullNotifications : INotificationRequests
    {
        public Task RequestAsync(NotificationRequest request, CancellationToken cancellationToken = default) => Task.CompletedTask;
    }
}
