using Microsoft.Extensions.Logging.Abstractions;
using Petitions.Core.Calendar;
using Petitions.Core.Cases;
using Petitions.Core.Escalation;
using Petitions.Core.LegalClock;
using Petitions.Core.Organisation;
using Petitions.Core.Ports;
using Petitions.Core.Time;
using Petitions.Core.UseCases.Calendar;
using Petitions.Core.UseCases.Common;
using Petitions.Core.UseCases.Intake;
using Petitions.Core.UseCases.Processing;
using Petitions.TestKit;

namespace Petitions.Core.Tests.UseCases;

/// <summary>
/// Issue 16, "deadlines that move when the calendar does": a year's schedule is added to a running system; the open
/// cases' due dates are recomputed, each move is a case event with both dates and the reason, the due-date index
/// follows through the outbox, and the citizen is told when a date moves later.
/// </summary>
public sealed class MoveDeadlinesForCalendarTests
{
    private const string Schedule2027 = CalendarFixtures.Schedule2027;

    private const string Reason = "lịch nghỉ Quốc khánh 2027 (test fixture)";

    private static readonly OrganisationChart Chart = OrganisationLoader.LoadDemo();
    private static readonly DateTimeOffset Monday = new(2027, 8, 30, 9, 0, 0, TimeSpan.FromHours(7));

    private static readonly DeadlineCalculator Before = new(
        LegalLimits.LoadEmbedded(), new VietnamWorkingCalendar(VietnamHolidayRules.Default, OfficialYearSchedule.Embedded, VietnameseLunarCalendar.Vietnam));

    private static readonly DeadlineCalculator After = new(
        LegalLimits.LoadEmbedded(),
        new VietnamWorkingCalendar(VietnamHolidayRules.Default, [.. OfficialYearSchedule.Embedded, OfficialYearSchedule.Parse(Schedule2027)], VietnameseLunarCalendar.Vietnam));

    private readonly InMemoryCaseStore _store = new();
    private readonly InMemoryCaseIndex _index = new();
    private readonly RecordingWorkSender _sender = new();
    private readonly RecordingNotifications _notifications = new();
    private readonly ManualTimeProvider _time = new(Monday);
    private readonly CaseIndexEntries _entries;
    private readonly CaseWriter _writer;
    private readonly RelayOutbox.Handler _relay;

    public MoveDeadlinesForCalendarTests()
    {
        var policy = new EscalationPolicy(EscalationLadder.LoadEmbedded(), VietnamWorkingCalendar.Default);
        _entries = new CaseIndexEntries(policy);
        _writer = new CaseWriter(_store, _sender, _entries, new CaseHandlingSettings());
        _relay = new RelayOutbox.Handler(_store, _index, _sender, _notifications, _entries, NullLogger<RelayOutbox.Handler>.Instance);
    }

    private MoveDeadlinesForCalendar.Handler Handler(DeadlineCalculator calculator) =>
        new(_index, _store, _writer, _entries, Chart, calculator, _time, NullLogger<MoveDeadlinesForCalendar.Handler>.Instance);

    [Fact] // TT 05/2021/TT-TTCP (10 working days); the added 2027 schedule takes Friday 3 Sep 2027 off
    public async Task Adding_a_schedule_moves_an_open_petition_later_records_both_dates_reindexes_and_tells_the_citizen()
    {
        var code = await FiledAsync(CaseKind.Petition, Before);
        Assert.Equal(new DateOnly(2027, 9, 15), (await _store.FindAsync(code))!.Case.RunningClocks.Single().Due);

        var result = await Handler(After).HandleAsync(new(2027, Reason));

        var move = Assert.Single(result.Moves);
        Assert.Equal(("process", new DateOnly(2027, 9, 15), new DateOnly(2027, 9, 16), 2027, Reason), (move.Step, move.PreviousDue, move.NewDue, move.Year, move.Reason));
        Assert.Single((await _store.EventsAsync(code)).OfType<CaseDeadlineMoved>());
        Assert.Equal(new DateOnly(2027, 9, 16), (await _store.FindAsync(code))!.Case.RunningClocks.Single().Due);

        var notice = Assert.Single(await _store.OutboxAsync(code), i => i.Notify is not null).Notify!;
        Assert.Equal((MoveDeadlinesForCalendar.CitizenTemplate, NotificationAudience.Citizen, "2027-09-16", "2027-09-15"),
            (notice.Template, notice.Audience, notice.Data["newDate"], notice.Data["previousDue"]));

        await _relay.HandleAsync(new(code));
        var dueRows = await DueRowsAsync();
        Assert.Contains(dueRows, k => k.Partition == CaseIndexEntries.DuePartition(new DateOnly(2027, 9, 16)));
        Assert.DoesNotContain(dueRows, k => k.Partition == CaseIndexEntries.DuePartition(new DateOnly(2027, 9, 15)));
        Assert.Single(_notifications.Requests, r => r.Template == MoveDeadlinesForCalendar.CitizenTemplate);
    }

    [Fact]
    public async Task Running_the_recompute_again_moves_nothing()
    {
        var code = await FiledAsync(CaseKind.Petition, Before);
        await Handler(After).HandleAsync(new(2027, Reason));
        await _relay.HandleAsync(new(code));

        var again = await Handler(After).HandleAsync(new(2027, Reason));

        Assert.Empty(again.Moves);
        Assert.Single((await _store.EventsAsync(code)).OfType<CaseDeadlineMoved>());
    }

    [Fact] // A date that moves earlier is recorded, but the citizen is told only of a later date
    public async Task A_corrected_schedule_that_brings_a_date_earlier_is_recorded_without_telling_the_citizen()
    {
        var code = await FiledAsync(CaseKind.Petition, After);

        var result = await Handler(Before).HandleAsync(new(2027, "schedule withdrawn (test fixture)"));

        var move = Assert.Single(result.Moves);
        Assert.False(move.Later);
        Assert.Equal(0, result.CitizensNotified);
        Assert.DoesNotContain(await _store.OutboxAsync(code), i => i.Notify is { Audience: NotificationAudience.Citizen });
    }

    [Fact] // A clock that ends before the year the schedule covers is not touched
    public async Task A_schedule_for_another_year_moves_nothing()
    {
        await FiledAsync(CaseKind.Petition, Before);
        var result = await Handler(After).HandleAsync(new(2028, Reason));
        Assert.Empty(result.Moves);
    }

    [Fact] // Luật Tố cáo 2018, Điều 24 (7 working days): a denunciation's preliminary clock moves too; the denouncer gets the identity-safe notice template
    public async Task A_denunciation_clock_through_the_changed_days_moves_later()
    {
        var code = await FiledAsync(CaseKind.Denunciation, Before);
        var result = await Handler(After).HandleAsync(new(2027, Reason));
        var move = Assert.Single(result.Moves);
        Assert.Equal(code, move.CaseId);
        Assert.True(move.Later);
    }

    private async Task<IReadOnlyList<IndexKey>> DueRowsAsync()
    {
        var keys = new List<IndexKey>();
        await foreach (var e in _index.ScanAsync(new IndexQuery("due-", CaseIndexEntries.DuePartition(DateOnly.MaxValue), null, 100, null)))
        {
            keys.Add(e.Key);
        }

        return keys;
    }

    private async Task<string> FiledAsync(CaseKind kind, DeadlineCalculator calculator)
    {
        var code = TrackingCode.New();
        var @case = Case.Receive(code, kind, false, false, "citizen", _time.GetUtcNow(), calculator);
        var letter = new CaseLetter("qn-camtay", "Title", "Content", new SealedPerson("sealed", "sealed", null), null, "web", null, [], 1, "hash", _time.GetUtcNow(), @case.Clocks[0].Due);
        Assert.False((await _writer.CommitAsync(@case, letter, null, [])).Conflicted);
        await _relay.HandleAsync(new(code));
        return code;
    }

    private sealed class RecordingNotifications : INotificationRequests
    {
        public List<NotificationRequest> Requests { get; } = [];

        public Task RequestAsync(NotificationRequest request, CancellationToken cancellationToken = default)
        {
            Requests.Add(request);
            return Task.CompletedTask;
        }
    }
}
