using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Petitions.Core.Calendar;
using Petitions.Core.Cases;
using Petitions.Core.LegalClock;
using Petitions.Core.Ports;
using Petitions.Core.Time;
using Petitions.Core.UseCases.Calendar;
using Petitions.Core.UseCases.Common;
using Petitions.Core.UseCases.Intake;
using Petitions.Core.UseCases.Processing;
using Petitions.Core.UseCases.Staff;
using Petitions.Infrastructure.Calendar;
using Petitions.Infrastructure.Cases;
using Petitions.Infrastructure.Tests.Cases;
using Petitions.TestKit;

namespace Petitions.Infrastructure.Tests.Calendar;

/// <summary>
/// The year hashes in Azure Tables (on Azurite), and the start-up recompute wired by AddCaseHandling + AddDecisionClocks:
/// a schedule added to a running system (a new deployment starting over the same storage) moves the open cases whose
/// clocks run through the changed days, records both dates and the reason, and tells the citizen only of a later date.
/// </summary>
public sealed class CalendarRecomputeAzuriteTests
{
    private const string Schedule2027 = CalendarFixtures.Schedule2027;

    // Monday 30 August 2027, 09:00 in Vietnam.
    private static readonly DateTimeOffset Monday = new(2027, 8, 30, 9, 0, 0, TimeSpan.FromHours(7));

    [Fact]
    public async Task Year_hashes_round_trip_and_a_save_replaces_the_year()
    {
        var table = new TableServiceClient(AzuriteServer.Shared.ConnectionString).GetTableClient(AzuriteServer.UniqueName("cal"));
        var versions = new TableCalendarVersions(table);

        Assert.Empty(await versions.ReadAsync());
        await versions.SaveAsync(2026, "aaa");
        await versions.SaveAsync(2027, "bbb");
        await versions.SaveAsync(2027, CalendarFingerprint.RulesOnly);

        var read = await versions.ReadAsync();
        Assert.Equal([(2026, "aaa"), (2027, CalendarFingerprint.RulesOnly)], read.Select(kv => (kv.Key, kv.Value)));
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>())
        {
            rows.Add(row);
        }

        Assert.Equal(["2026", "2027"], rows.Select(r => r.RowKey));
        await table.DeleteAsync();
    }

    [Fact] // TT 05/2021/TT-TTCP (10 working days) across the fixture's 3 Sep day off and 18 Sep make-up Saturday
    public async Task Adding_a_schedule_to_a_running_system_moves_the_right_open_cases_once()
    {
        var suffix = Guid.NewGuid().ToString("N")[..10];
        var time = new ManualTimeProvider(Monday);
        await using var running = Provider(suffix, time, OfficialYearSchedule.Embedded);
        await running.GetRequiredService<CaseStorageInitializer>().EnsureCreatedAsync();
        Assert.NotEmpty((await running.GetRequiredService<RecomputeCalendarOnStart.Handler>().HandleAsync()).Years);

        var later = await FileAsync(running, Monday);                                                  // due 15 Sep → 16 Sep
        var earlier = await FileAsync(running, new DateTimeOffset(2027, 9, 7, 9, 0, 0, TimeSpan.FromHours(7)));  // due 21 Sep → 20 Sep
        var untouched = await FileAsync(running, new DateTimeOffset(2027, 10, 4, 9, 0, 0, TimeSpan.FromHours(7)));

        // The next deployment ships the 2027 schedule and starts over the same storage.
        await using var next = Provider(suffix, time, [.. OfficialYearSchedule.Embedded, OfficialYearSchedule.Parse(Schedule2027)]);
        var start = next.GetRequiredService<RecomputeCalendarOnStart.Handler>();
        Assert.NotNull(next.GetRequiredService<RecordClockAction.Handler>());
        Assert.NotNull(next.GetRequiredService<ResolveCase.Handler>());
        var result = await start.HandleAsync(new([.. CalendarFingerprint.EmbeddedDocuments(), Schedule2027]));

        var year = Assert.Single(result.Years);
        Assert.Equal((2027, 2, 1), (year.Year, year.DueDatesMoved, year.CitizensNotified));
        var store = next.GetRequiredService<ICaseStore>();
        var moved = Assert.Single((await store.EventsAsync(later)).OfType<CaseDeadlineMoved>());
        Assert.Equal((new DateOnly(2027, 9, 15), new DateOnly(2027, 9, 16), year.Reason), (moved.PreviousDue, moved.NewDue, moved.Reason));
        Assert.Equal(new DateOnly(2027, 9, 20), Assert.Single((await store.EventsAsync(earlier)).OfType<CaseDeadlineMoved>()).NewDue);
        Assert.Empty((await store.EventsAsync(untouched)).OfType<CaseDeadlineMoved>());
        Assert.Single(await store.OutboxAsync(later), i => i.Notify is { Audience: NotificationAudience.Citizen, Template: MoveDeadlinesForCalendar.CitizenTemplate });
        Assert.DoesNotContain(await store.OutboxAsync(earlier), i => i.Notify is { Audience: NotificationAudience.Citizen });

        // The outbox re-indexes the due rows the escalation sweep reads.
        await next.GetRequiredService<RelayOutbox.Handler>().HandleAsync(new(later));
        var index = next.GetRequiredService<ICaseIndex>();
        var dueRows = new List<string>();
        await foreach (var e in index.ScanAsync(new IndexQuery(CaseIndexEntries.DuePartition(new DateOnly(2027, 9, 15)), CaseIndexEntries.DuePartition(new DateOnly(2027, 9, 16)), null, 100, null)))
        {
            dueRows.Add(e.Key.Partition + "/" + e.Values.CaseId);
        }

        Assert.Equal([CaseIndexEntries.DuePartition(new DateOnly(2027, 9, 16)) + "/" + later], dueRows);

        // Starting again with the same data reads no case and moves nothing.
        Assert.Empty((await start.HandleAsync(new([.. CalendarFingerprint.EmbeddedDocuments(), Schedule2027]))).Years);
        Assert.Single((await store.EventsAsync(later)).OfType<CaseDeadlineMoved>());

        await DeleteTablesAsync(suffix);
        var queues = next.GetRequiredService<Azure.Storage.Queues.QueueServiceClient>();
        foreach (var name in next.GetRequiredService<Petitions.Infrastructure.Configuration.TriggerSettings>().AllQueues())
        {
            await queues.DeleteQueueAsync(name);
        }
    }

    private static async Task<string> FileAsync(ServiceProvider provider, DateTimeOffset at)
    {
        var code = TrackingCode.New();
        var @case = Case.Receive(code, CaseKind.Petition, false, false, "citizen", at, provider.GetRequiredService<DeadlineCalculator>());
        var letter = new CaseLetter("qn-camtay", "Title", "Content", new SealedPerson("sealed", "sealed", null), null, "web", null, [], 1, "hash", at, @case.Clocks[0].Due);
        Assert.False((await provider.GetRequiredService<CaseWriter>().CommitAsync(@case, letter, null, [])).Conflicted);
        await provider.GetRequiredService<RelayOutbox.Handler>().HandleAsync(new(code));
        return code;
    }

    private static ServiceProvider Provider(string suffix, TimeProvider time, IReadOnlyList<OfficialYearSchedule> schedules)
    {
        var settings = Settings(suffix);
        var services = new ServiceCollection();
        services.AddSingleton(time);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddSingleton<IWorkingCalendar>(new VietnamWorkingCalendar(VietnamHolidayRules.Default, schedules, VietnameseLunarCalendar.Vietnam));
        services.AddCaseHandling(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddDecisionClocks("CalendarVersions" + suffix);
        var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
        return provider;
    }

    private static Dictionary<string, string?> Settings(string suffix)
    {
        var settings = CaseWorld.Settings(suffix);
        settings["AzureWebJobsStorage"] = AzuriteServer.Shared.ConnectionString;
        return settings;
    }

    private static async Task DeleteTablesAsync(string suffix)
    {
        var tables = new TableServiceClient(AzuriteServer.Shared.ConnectionString);
        foreach (var name in new[] { "Cases", "CaseIndex", "IntakeGuards", "Notifications", "CalendarVersions" })
        {
            await tables.DeleteTableAsync(name + suffix);
        }
    }
}
