using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Petitions.Core.Calendar;
using Petitions.Core.Cases;
using Petitions.Core.LegalClock;
using Petitions.Core.Notifications;
using Petitions.Core.Ports;
using Petitions.Infrastructure.Cases;
using Petitions.Infrastructure.Notifications;
using Petitions.Infrastructure.Storage;
using Petitions.TestKit;

namespace Petitions.Infrastructure.Tests.Storage;

/// <summary>
/// Our table adapters and a plain Azure.Data.Tables <see cref="TableClient"/> on Azurite read each other's rows,
/// and an entity group transaction with one failing action writes nothing and reports that action's index.
/// </summary>
public sealed class TableInteropAzuriteTests
{
    private static readonly DateTimeOffset Filed = new(2026, 4, 1, 9, 0, 0, TimeSpan.FromHours(7));

    private static async Task<TableClient> PlainTableAsync(string prefix)
    {
        var table = new TableServiceClient(AzuriteServer.Shared.ConnectionString).GetTableClient(AzuriteServer.UniqueName(prefix));
        await table.CreateAsync();
        return table;
    }

    private static (CaseCommit Commit, int Events) NewCase()
    {
        var calculator = new DeadlineCalculator(LegalLimits.LoadEmbedded(), VietnamWorkingCalendar.Default);
        var id = "KN-" + Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(3));
        var @case = Case.Receive(id, CaseKind.ComplaintFirstInstance, false, false, "system", Filed, calculator);
        @case.Route("qn-camtay", false, "qn-camtay-head", "qn-camtay-officer1", "test", "system", Filed, calculator);
        var letter = new CaseLetter(
            "qn-camtay", "Tranh chấp đất đai", "Nội dung đơn", new SealedPerson("sealed", "sealed", null), null, "web", null, [], 1, "hash", Filed,
            new DateOnly(2026, 4, 6));
        var events = @case.UncommittedEvents.ToList();
        var outbox = new OutboxItem("000001-00", Work: new WorkItem(CaseQueues.Intake, "{}"));
        return (new CaseCommit(@case.ToSnapshot(), letter, null, events, [outbox]), events.Count);
    }

    [Fact]
    public async Task A_case_our_store_commits_is_read_by_a_plain_TableClient_row_by_row_with_the_same_ETag()
    {
        var plain = await PlainTableAsync("cases");
        var store = new TableCaseStore(plain);
        var (commit, events) = NewCase();
        var id = commit.State.Id;

        var outcome = await store.CommitAsync(commit);

        var rows = await plain.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {id}")).ToListAsync();
        var caseRow = Assert.Single(rows, r => r.RowKey == "case");
        Assert.Equal(outcome.ETag, caseRow.ETag.ToString());
        Assert.Equal("Tranh chấp đất đai", caseRow.GetString("Title"));
        Assert.Equal(commit.State.Status.ToString(), caseRow.GetString("Status"));
        Assert.Equal(id, JsonDocument.Parse(caseRow.GetString("State")!).RootElement.GetProperty("id").GetString());
        Assert.Equal(events, rows.Count(r => r.RowKey.StartsWith("evt-", StringComparison.Ordinal)));
        Assert.All(rows.Where(r => r.RowKey.StartsWith("evt-", StringComparison.Ordinal)), r => Assert.NotNull(r.GetDateTimeOffset("At")));
        Assert.Single(rows, r => r.RowKey == "out-000001-00");
    }

    [Fact]
    public async Task A_case_row_changed_by_a_plain_TableClient_makes_our_next_commit_a_conflict_that_writes_nothing()
    {
        var plain = await PlainTableAsync("cases");
        var store = new TableCaseStore(plain);
        var (commit, _) = NewCase();
        var first = await store.CommitAsync(commit);

        await plain.UpdateEntityAsync(new TableEntity(commit.State.Id, "case") { ["Status"] = "EditedElsewhere" }, new ETag(first.ETag!), TableUpdateMode.Merge);
        var stale = commit with { ExpectedETag = first.ETag, Events = [], Outbox = [new OutboxItem("000002-00", Work: new WorkItem(CaseQueues.Intake, "{}"))] };

        Assert.True((await store.CommitAsync(stale)).Conflicted);
        Assert.Equal("EditedElsewhere", (await plain.GetEntityAsync<TableEntity>(commit.State.Id, "case")).Value.GetString("Status"));
        Assert.False((await plain.GetEntityIfExistsAsync<TableEntity>(commit.State.Id, "out-000002-00")).HasValue);
    }

    [Fact]
    public async Task A_create_whose_event_row_already_exists_is_a_conflict_and_leaves_no_case_row()
    {
        var plain = await PlainTableAsync("cases");
        var (commit, _) = NewCase();
        await plain.AddEntityAsync(new TableEntity(commit.State.Id, "evt-000001") { ["Type"] = "WrittenElsewhere" });

        Assert.True((await new TableCaseStore(plain).CommitAsync(commit)).Conflicted);

        var rows = await plain.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {commit.State.Id}")).ToListAsync();
        Assert.Equal("evt-000001", Assert.Single(rows).RowKey);
    }

    [Fact]
    public async Task An_update_of_a_case_that_is_not_there_fails_at_action_0_and_writes_none_of_the_others()
    {
        var plain = await PlainTableAsync("cases");
        var (commit, _) = NewCase();
        var update = commit with { ExpectedETag = "W/\"datetime'2026-04-01T02%3A00%3A00.0000000Z'\"" };

        var error = await Assert.ThrowsAsync<StorageTransactionFailedException>(() => new TableCaseStore(plain).CommitAsync(update));

        Assert.Equal(404, error.Status);
        Assert.Equal(0, error.FailedTransactionActionIndex);
        Assert.Empty(await plain.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {commit.State.Id}")).ToListAsync());
    }

    [Fact]
    public async Task A_transaction_with_one_failing_action_writes_nothing_and_reports_the_index_the_SDK_reports()
    {
        var plain = await PlainTableAsync("tx");
        await plain.AddEntityAsync(new TableEntity("p", "taken"));
        List<TableTransactionAction> actions =
        [
            new(TableTransactionActionType.Add, new TableEntity("p", "a") { ["Text"] = "một" }),
            new(TableTransactionActionType.UpsertReplace, new TableEntity("p", "b") { ["Text"] = "hai" }),
            new(TableTransactionActionType.Add, new TableEntity("p", "taken")),
            new(TableTransactionActionType.Add, new TableEntity("p", "d")),
        ];

        var ours = await Assert.ThrowsAsync<StorageTransactionFailedException>(() => plain.CommitAsync(actions));
        var sdk = await Assert.ThrowsAsync<Azure.Data.Tables.TableTransactionFailedException>(() => plain.SubmitTransactionAsync(actions));

        Assert.Equal(2, ours.FailedTransactionActionIndex);
        Assert.Equal(sdk.FailedTransactionActionIndex, ours.FailedTransactionActionIndex);
        Assert.Equal((409, "EntityAlreadyExists"), (ours.Status, ours.ErrorCode));
        Assert.DoesNotContain("taken", ours.Message, StringComparison.Ordinal);
        var rows = await plain.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {"p"}")).ToListAsync();
        Assert.Equal("taken", Assert.Single(rows).RowKey);
    }

    [Fact]
    public async Task A_transaction_that_succeeds_returns_each_action_s_ETag_as_a_plain_read_sees_it()
    {
        var plain = await PlainTableAsync("tx");

        var etags = await plain.CommitAsync(
        [
            new(TableTransactionActionType.Add, new TableEntity("p", "a") { ["Count"] = 1, ["Empty"] = null }),
            new(TableTransactionActionType.UpsertMerge, new TableEntity("p", "b") { ["Big"] = long.MaxValue }),
        ]);

        var a = (await plain.GetEntityAsync<TableEntity>("p", "a")).Value;
        var b = (await plain.GetEntityAsync<TableEntity>("p", "b")).Value;
        Assert.Equal([a.ETag, b.ETag], etags);
        Assert.Equal(1, a.GetInt32("Count"));
        Assert.False(a.ContainsKey("Empty"));
        Assert.Equal(long.MaxValue, b.GetInt64("Big"));
    }

    [Fact]
    public async Task A_notification_record_round_trips_between_our_store_and_a_plain_TableClient()
    {
        var plain = await PlainTableAsync("notif");
        var store = new TableNotificationStore(plain);
        var record = NotificationRecord.Create(
            "n-interop-1",
            Core.Citizens.PhoneNumber.Parse("0912345678"),
            new NotificationCatalogue("https://pakn.example.vn/t/").Render(
                NotificationEvent.DeadlineExtended,
                new MessageFacts("KN-7K2Q9M") { UnitName = "Ủy ban nhân dân phường Cẩm Tây", Date = new DateOnly(2026, 12, 31) }),
            Filed);

        var created = await store.CreateAsync(record, default);

        var row = (await plain.GetEntityAsync<TableEntity>("n-n-interop-1", "record")).Value;
        Assert.Equal(created.ETag, row.ETag.ToString());
        Assert.Equal(record.Text, row.GetString("Text"));
        Assert.Equal(Filed, row.GetDateTimeOffset("DueAt"));
        Assert.Equal(0, row.GetInt32("Attempts"));

        row["Attempts"] = 3;
        row["LastError"] = "Gateway timeout";
        await plain.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace);

        var read = (await store.GetAsync("n-interop-1", default))!;
        Assert.Equal((3, "Gateway timeout"), (read.Attempts, read.LastError));
        await Assert.ThrowsAsync<NotificationConcurrencyException>(() => store.UpdateAsync(created with { Attempts = 4 }, default));
    }
}
