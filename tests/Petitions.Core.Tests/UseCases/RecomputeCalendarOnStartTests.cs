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
/// Issue 16, "deadlines that move when the calendar does", at start-up: the hash of each year's shipped schedule is
/// compared with the stored one and only changed years are recomputed, idempotently (a crash midway re-runs safely;
/// a second start with the same data moves nothing).
/// </summary>
public sealed class RecomputeCalendarOnStartTests
{
    private const string Schedule2027 = CalendarFixtures.Schedule2027;

    private static readonly OrganisationChart Chart = OrganisationLoader.LoadDemo();
    private static readonly IReadOnlyList<string> Shipped = CalendarFingerprint.EmbeddedDocuments();
    private static readonly IReadOnlyList<string> ShippedWith2027 = [.. Shipped, Schedule2027];

    private static readonly DeadlineCalculator Before = new(
        LegalLimits.LoadEmbedded(), new VietnamWorkingCalendar(VietnamHolidayRules.Default, OfficialYearSchedule.Embedded, VietnameseLunarCalendar.Vietnam));

    private static readonly DeadlineCalculator After = new(
        LegalLimits.LoadEmbedded(),
        new VietnamWorkingCalendar(VietnamHolidayRules.Default, [.. OfficialYearSchedule.Embedded, OfficialYearSchedule.Parse(Schedule2027)], VietnameseLunarCalendar.Vietnam));

    private readonly InMemoryCaseStore _store = new();
    private readonly InMemoryCaseIndex _index = new();
    private readonly RecordingWorkSender _sender = new();
    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2027, 8, 30, 9, 0, 0, TimeSpan.FromHours(7)));
    private readonly MemoryCalendarVersions _versions = new();
    private readonly CaseIndexEntries _entries;
    private readonly CaseWriter _writer;
    private readonly RelayOutbox.Handler _relay;

    public RecomputeCalendarOnStartTests()
    {
        _entries = new CaseIndexEntries(new EscalationPolicy(EscalationLadder.LoadEmbedded(), VietnamWorkingCalendar.Default));
        _writer = new CaseWriter(_store, _sender, _entries, new CaseHandlingSettings());
        _relay = new RelayOutbox.Handler(_store, _index, _sender, new NoNotifications(), _entries, NullLogger<RelayOutbox.Handler>.Instance);
    }

    private RecomputeCalendarOnStart.Handler Start(DeadlineCalculator calculator) => new(
        _versions,
        new MoveDeadlinesForCalendar.Handler(_index, _store, _writer, _entries, Chart, calculator, _time, NullLogger<MoveDeadlinesForCalendar.Handler>.Instance),
        NullLogger<RecomputeCalendarOnStart.Handler>.Instance);

    [Fact]
    public async Task The_first_start_records_every_shipped_year_and_the_second_start_moves_nothing()
    {
        await FiledAsync(CaseKind.Petition, Before, _time.GetUtcNow());

        var first = await Start(Before).HandleAsync(new(Shipped));
        Assert.Equal(OfficialYearSchedule.Embedded.Select(s => s.Year), first.Years.Select(y => y.Year));
        Assert.All(first.Years, y => Assert.Equal(0, y.DueDatesMoved));

        var second = await Start(Before).HandleAsync(new(Shipped));
        Assert.Empty(second.Years);
        Assert.Equal(_versions.Saved.Count, OfficialYearSchedule.Embedded.Count);
    }

    [Fact] // TT 05/2021/TT-TTCP (10 working days) across the fixture's 3 Sep day off and 18 Sep make-up Saturday
    public async Task Adding_a_schedule_to_a_running_system_moves_the_right_cases_records_both_dates_and_tells_only_a_later_date()
    {
        await Start(Before).HandleAsync(new(Shipped));
        var later = await FiledAsync(CaseKind.Petition, Before, _time.GetUtcNow());                                       // Mon 30 Aug 2027
        var earlier = await FiledAsync(CaseKind.Petition, Before, new DateTimeOffset(2027, 9, 7, 9, 0, 0, TimeSpan.FromHours(7))); // Tue 7 Sep 2027
        var untouched = await FiledAsync(CaseKind.Petition, Before, new DateTimeOffset(2027, 10, 4, 9, 0, 0, TimeSpan.FromHours(7)));
        Assert.Equal(new DateOnly(2027, 9, 15), await DueAsync(later));
        Assert.Equal(new DateOnly(2027, 9, 21), await DueAsync(earlier));

        var result = await Start(After).HandleAsync(new(ShippedWith2027));

        var year = Assert.Single(result.Years);
        Assert.Equal((2027, 2, 1), (year.Year, year.DueDatesMoved, year.CitizensNotified));
        Assert.Contains("2027", year.Reason, StringComparison.Ordinal);

        var moveLater = Assert.Single((await _store.EventsAsync(later)).OfType<CaseDeadlineMoved>());
        Assert.Equal((new DateOnly(2027, 9, 15), new DateOnly(2027, 9, 16), year.Reason), (moveLater.PreviousDue, moveLater.NewDue, moveLater.Reason));
        var moveEarlier = Assert.Single((await _store.EventsAsync(earlier)).OfType<CaseDeadlineMoved>());
        Assert.Equal((new DateOnly(2027, 9, 21), new DateOnly(2027, 9, 20)), (moveEarlier.PreviousDue, moveEarlier.NewDue));
        Assert.Empty((await _store.EventsAsync(untouched)).OfType<CaseDeadlineMoved>());

        Assert.Single(await _store.OutboxAsync(later), i => i.Notify is { Audience: NotificationAudience.Citizen, Template: MoveDeadlinesForCalendar.CitizenTemplate });
        Assert.DoesNotContain(await _store.OutboxAsync(earlier), i => i.Notify is { Audience: NotificationAudience.Citizen, Template: MoveDeadlinesForCalendar.CitizenTemplate });
        Assert.Equal(CalendarFingerprint.Hash(Schedule2027), _versions.Saved[2027]);

        Assert.Empty((await Start(After).HandleAsync(new(ShippedWith2027))).Years);
    }

    [Fact] // A crash after the cases moved but before the year's hash was saved: the next start re-runs, moving and telling nothing twice
    public async Task A_start_that_crashed_midway_re_runs_safely()
    {
        await Start(Before).HandleAsync(new(Shipped));
        var code = await FiledAsync(CaseKind.Petition, Before, _time.GetUtcNow());
        _versions.FailNextSave = true;

        await Assert.ThrowsAsync<IOException>(() => Start(After).HandleAsync(new(ShippedWith2027)));
        Assert.False(_versions.Saved.ContainsKey(2027));

        var rerun = await Start(After).HandleAsync(new(ShippedWith2027));

        var year = Assert.Single(rerun.Years);
        Assert.Equal((2027, 0, 0), (year.Year, year.DueDatesMoved, year.CitizensNotified));
        Assert.Single((await _store.EventsAsync(code)).OfType<CaseDeadlineMoved>());
        Assert.Single(await _store.OutboxAsync(code), i => i.Notify is { Audience: NotificationAudience.Citizen });
        Assert.Equal(new DateOnly(2027, 9, 16), await DueAsync(code));
        Assert.Empty((await Start(After).HandleAsync(new(ShippedWith2027))).Years);
    }

    [Fact] // A schedule withdrawn from the data: the year falls back to the rules and its cases are recomputed once
    public async Task A_withdrawn_schedule_recomputes_its_year_with_the_rules()
    {
        await Start(After).HandleAsync(new(ShippedWith2027));
        var code = await FiledAsync(CaseKind.Petition, After, _time.GetUtcNow());
        Assert.Equal(new DateOnly(2027, 9, 16), await DueAsync(code));

        var result = await Start(Before).HandleAsync(new(Shipped));

        var year = Assert.Single(result.Years);
        Assert.Equal((2027, 1, 0), (year.Year, year.DueDatesMoved, year.CitizensNotified));
        Assert.Equal(CalendarFingerprint.RulesOnly, _versions.Saved[2027]);
        Assert.Equal(new DateOnly(2027, 9, 15), await DueAsync(code));
        Assert.Empty((await Start(Before).HandleAsync(new(Shipped))).Years);
    }

    [Fact]
    public void The_hash_ignores_line_endings_and_two_schedules_for_one_year_are_refused()
    {
        Assert.Equal(CalendarFingerprint.Hash(Schedule2027), CalendarFingerprint.Hash(Schedule2027.Replace("\n", "\r\n", StringComparison.Ordinal)));
        Assert.NotEqual(CalendarFingerprint.Hash(Schedule2027), CalendarFingerprint.Hash(Schedule2027.Replace("2027-09-18", "2027-09-25", StringComparison.Ordinal)));
        Assert.Throws<CalendarDataException>(() => CalendarFingerprint.Of([Schedule2027, Schedule2027]));
    }

    private async Task<DateOnly> DueAsync(string code) => (await _store.FindAsync(code))!.Case.RunningClocks.Single().Due;

    private async Task<string> FiledAsync(CaseKind kind, DeadlineCalculator calculator, DateTimeOffset at)
    {
        var code = TrackingCode.New();
        var @case = Case.Receive(code, kind, false, false, "citizen", at, calculator);
        var letter = new CaseLetter("qn-camtay", "Title", "Content", new SealedPerson("sealed", "sealed", null), null, "web", null, [], 1, "hash", at, @case.Clocks[0].Due);
        Assert.False((await _writer.CommitAsync(@case, letter, null, [])).Conflicted);
        await _relay.HandleAsync(new(code));
        return code;
    }

    private sealed class MemoryCalendarVersions : ICalendarVersions
    {
        public Dictionary<int, string> Saved { get; } = [];

        public bool FailNextSave { get; set; }

        public Task<IReadOnlyDictionary<int, string>> ReadAsync(CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyDictionary<int, string>>(new Dictionary<int, string>(Saved));

        public Task SaveAsync(int year, string hash, CancellationToken cancellationToken = default)
        {
            if (FailNextSave)
            {
                FailNextSave = false;
                throw new IOException("the process stopped before the year was saved (test)");
            }

            Saved[year] = hash;
            return Task.CompletedTask;
        }
    }

    private sealed class NoNotifications : INotificationRequests
    {
        public Task RequestAsync(NotificationRequest request, CancellationToken cancellationToken = default) => Task.CompletedTask;
    }
}
