using Azure;
using Petitions.Infrastructure.Storage;
using Petitions.Infrastructure.Storage.Tables;

namespace Petitions.Infrastructure.Tests.Storage.Tables;

public sealed class TableTransactionAzuriteTests
{
    [Fact]
    public async Task A_state_change_writes_case_event_and_outbox_atomically_with_one_etag_each()
    {
        var table = await Live.NewTableAsync();
        var caseEtag = await table.AddEntityAsync(new TableEntity("case-1", "case") { ["Status"] = "Received", ["Old"] = "x" });
        await table.AddEntityAsync(new TableEntity("case-1", "draft"));
        await table.AddEntityAsync(new TableEntity("case-1", "counter") { ["N"] = 1 });

        var etags = await table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.UpdateMerge, new TableEntity("case-1", "case") { ["Status"] = "Accepted" }, caseEtag),
            new(TableTransactionActionType.Add, new TableEntity("case-1", "event-0001") { ["Kind"] = "Accepted" }),
            new(TableTransactionActionType.UpsertReplace, new TableEntity("case-1", "outbox-0001") { ["Sms"] = "Don cua ban da duoc thu ly" }),
            new(TableTransactionActionType.UpsertMerge, new TableEntity("case-1", "counter") { ["M"] = 2 }),
            new(TableTransactionActionType.UpdateReplace, new TableEntity("case-1", "draft") { ["Text"] = "v2" }, ETag.All),
        ]);

        var rows = await table.QueryAsync(TableFilter.Create($"PartitionKey eq {"case-1"}")).ToDictionaryAsync(e => e.RowKey);
        Assert.Equal(5, etags.Count);
        Assert.All(etags, e => Assert.NotEqual(default, e));
        Assert.Equal(("Accepted", "x"), (rows["case"].GetString("Status"), rows["case"].GetString("Old")));
        Assert.Equal(etags[0], rows["case"].ETag);
        Assert.Equal("Accepted", rows["event-0001"].GetString("Kind"));
        Assert.Equal((1, 2), (rows["counter"].GetInt32("N"), rows["counter"].GetInt32("M")));
        Assert.Equal("v2", rows["draft"].GetString("Text"));
    }

    [Fact]
    public async Task A_transaction_with_a_failing_action_writes_nothing_and_names_the_failed_index()
    {
        var table = await Live.NewTableAsync();
        await table.AddEntityAsync(new TableEntity("case-2", "event-0002"));

        var error = await Assert.ThrowsAsync<StorageTransactionFailedException>(() => table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, new TableEntity("case-2", "event-0001")),
            new(TableTransactionActionType.Add, new TableEntity("case-2", "event-0002")),
            new(TableTransactionActionType.UpsertReplace, new TableEntity("case-2", "outbox-0001")),
        ]));

        Assert.Equal(1, error.FailedTransactionActionIndex);
        Assert.Equal(409, error.Status);
        Assert.Equal("EntityAlreadyExists", error.ErrorCode);
        var rows = await table.QueryAsync(null).Select(e => e.RowKey).ToListAsync();
        Assert.Equal(["event-0002"], rows);
    }

    [Fact]
    public async Task A_stale_etag_inside_a_transaction_fails_it_whole()
    {
        var table = await Live.NewTableAsync();
        var stale = await table.AddEntityAsync(new TableEntity("case-3", "case") { ["V"] = 1 });
        await table.UpdateEntityAsync(new TableEntity("case-3", "case") { ["V"] = 2 }, stale);

        var error = await Assert.ThrowsAsync<StorageTransactionFailedException>(() => table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, new TableEntity("case-3", "event-0001")),
            new(TableTransactionActionType.UpdateMerge, new TableEntity("case-3", "case") { ["V"] = 3 }, stale),
        ]));

        Assert.Equal(412, error.Status);
        Assert.Equal(1, error.FailedTransactionActionIndex);
        Assert.Null(await table.GetEntityAsync("case-3", "event-0001"));
        Assert.Equal(2, (await table.GetEntityAsync("case-3", "case"))!.GetInt32("V"));
    }

    [Fact]
    public async Task A_transaction_can_delete_with_and_without_an_etag()
    {
        var table = await Live.NewTableAsync();
        var etag = await table.AddEntityAsync(new TableEntity("p", "a"));
        await table.AddEntityAsync(new TableEntity("p", "b"));

        await table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Delete, new TableEntity("p", "a"), etag),
            new(TableTransactionActionType.Delete, new TableEntity("p", "b")),
        ]);

        Assert.Empty(await table.QueryAsync(null).ToListAsync());
    }

    [Fact]
    public async Task Transactions_over_100_actions_across_partitions_or_touching_an_entity_twice_are_refused_before_sending()
    {
        var table = Live.Account.GetTableClient("neverCreated");
        var tooMany = Enumerable.Range(0, 101).Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", i.ToString(System.Globalization.CultureInfo.InvariantCulture))));

        var many = await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync(tooMany));
        var partitions = await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync(
            [new(TableTransactionActionType.Add, new TableEntity("p", "1")), new(TableTransactionActionType.Add, new TableEntity("q", "2"))]));
        var twice = await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync(
            [new(TableTransactionActionType.Add, new TableEntity("p", "1")), new(TableTransactionActionType.Delete, new TableEntity("p", "1"))]));
        var empty = await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync([]));

        Assert.Contains("at most 100", many.Message, StringComparison.Ordinal);
        Assert.Contains("one partition", partitions.Message, StringComparison.Ordinal);
        Assert.Contains("once per transaction", twice.Message, StringComparison.Ordinal);
        Assert.Contains("at least one", empty.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Vietnamese_text_survives_a_transaction()
    {
        var table = await Live.NewTableAsync();
        const string Text = "Khiếu nại về quyết định số 12/QĐ-UBND — đường Lê Lợi";

        await table.SubmitTransactionAsync([new(TableTransactionActionType.Add, new TableEntity("p", "r") { ["Text"] = Text })]);

        Assert.Equal(Text, (await table.GetEntityAsync("p", "r"))!.GetString("Text"));
    }
}
