using Azure;
using Azure.Data.Tables;
using Petitions.Infrastructure.Storage;
using Petitions.TestKit;

namespace Petitions.Infrastructure.Tests.Storage;

/// <summary>The contract our adapters rely on, on Azure.Data.Tables against Azurite: nulls, conflicts, paging, filters.</summary>
public sealed class TableOperationsAzuriteTests
{
    private static async Task<TableClient> NewTableAsync()
    {
        var table = new TableServiceClient(AzuriteServer.Shared.ConnectionString).GetTableClient(AzuriteServer.UniqueName("ops"));
        Assert.True(await table.CreateIfMissingAsync());
        return table;
    }

    [Fact]
    public async Task Creating_a_table_twice_says_it_was_there()
    {
        var table = await NewTableAsync();

        Assert.False(await table.CreateIfMissingAsync());
    }

    [Fact]
    public async Task A_missing_row_reads_as_null_and_deletes_as_false()
    {
        var table = await NewTableAsync();

        Assert.Null(await table.FindAsync("p", "nobody"));
        Assert.False(await table.RemoveAsync("p", "nobody"));
    }

    [Fact]
    public async Task A_second_insert_of_the_same_keys_is_EntityAlreadyExists_without_the_keys_in_the_message()
    {
        var table = await NewTableAsync();
        await table.InsertAsync(new TableEntity("idem-secret", "key") { ["CaseId"] = "KN-1" });

        var error = await Assert.ThrowsAsync<EntityAlreadyExistsException>(() => table.InsertAsync(new TableEntity("idem-secret", "key")));

        Assert.Equal((409, "EntityAlreadyExists"), (error.Status, error.ErrorCode));
        Assert.DoesNotContain("idem-secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_update_with_a_stale_ETag_is_a_conflict_and_one_of_a_vanished_row_too()
    {
        var table = await NewTableAsync();
        var first = await table.InsertAsync(new TableEntity("p", "r") { ["Count"] = 1 });
        var second = await table.UpdateIfMatchAsync(new TableEntity("p", "r") { ["Count"] = 2 }, first, TableUpdateMode.Replace);

        var stale = await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            table.UpdateIfMatchAsync(new TableEntity("p", "r") { ["Count"] = 3 }, first, TableUpdateMode.Replace));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => table.RemoveAsync("p", "r", first));
        Assert.True(await table.RemoveAsync("p", "r", second));
        var vanished = await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            table.UpdateIfMatchAsync(new TableEntity("p", "r") { ["Count"] = 4 }, second, TableUpdateMode.Merge));

        Assert.Equal(412, stale.Status);
        Assert.Equal(404, vanished.Status);
    }

    [Fact]
    public async Task Null_values_are_not_stored_and_typed_values_read_back_typed()
    {
        var table = await NewTableAsync();
        var at = new DateTimeOffset(2026, 3, 17, 2, 0, 0, TimeSpan.Zero);

        await table.WriteAsync(
            new TableEntity("p", "r") { ["Gone"] = null, ["At"] = at, ["Big"] = 1L << 40, ["Ratio"] = 0.5, ["Flag"] = true, ["Text"] = "Cẩm Tây" },
            TableUpdateMode.Replace);

        var row = (await table.FindAsync("p", "r"))!;
        Assert.False(row.ContainsKey("Gone"));
        Assert.Equal((at, 1L << 40, 0.5, true, "Cẩm Tây"), (row.GetDateTimeOffset("At"), row.GetInt64("Big"), row.GetDouble("Ratio"), row.GetBoolean("Flag"), row.GetString("Text")));
    }

    [Fact]
    public async Task A_row_over_the_service_limits_fails_before_any_request()
    {
        var table = new TableServiceClient(AzuriteServer.Shared.ConnectionString).GetTableClient("neverCreated");

        await Assert.ThrowsAsync<ArgumentException>(() => table.InsertAsync(new TableEntity("a/b", "r")));
        await Assert.ThrowsAsync<ArgumentException>(() => table.WriteAsync(new TableEntity("p", "r") { ["Text"] = new string('x', 40_000) }, TableUpdateMode.Merge));
    }

    [Fact]
    public async Task Pages_follow_the_SDK_s_continuation_tokens_to_every_row_once()
    {
        var table = await NewTableAsync();
        for (var partition = 0; partition < 3; partition++)
        {
            await table.CommitAsync([.. Enumerable.Range(0, 5).Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity($"p{partition}", $"r{i:D2}")))]);
        }

        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await table.PageAsync(null, pageSize: 4, continuationToken: token);
            seen.AddRange(page.Values.Select(r => r.PartitionKey + "/" + r.RowKey));
            token = page.ContinuationToken;
            pages++;
        }
        while (token is not null);

        Assert.Equal(15, seen.Distinct().Count());
        Assert.Equal(15, seen.Count);
        Assert.True(pages >= 4);
        Assert.Equal(15, await table.RowsAsync(null, pageSize: 2).CountAsync());
    }

    [Fact]
    public async Task A_value_with_quotes_in_a_CreateQueryFilter_filter_cannot_widen_the_query()
    {
        var table = await NewTableAsync();
        await table.InsertAsync(new TableEntity("p", "a") { ["Owner"] = "An" });
        await table.InsertAsync(new TableEntity("p", "b") { ["Owner"] = "O'Brien" });
        const string Attack = "x' or Owner ne 'x";

        Assert.Empty(await table.RowsAsync(TableClient.CreateQueryFilter($"Owner eq {Attack}")).ToListAsync());
        Assert.Equal("b", Assert.Single(await table.RowsAsync(TableClient.CreateQueryFilter($"Owner eq {"O'Brien"}")).ToListAsync()).RowKey);
    }

    [Fact]
    public async Task A_transaction_across_partitions_or_touching_a_row_twice_is_refused_before_any_request()
    {
        var table = await NewTableAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => table.CommitAsync(
        [
            new(TableTransactionActionType.Add, new TableEntity("p", "a")),
            new(TableTransactionActionType.Add, new TableEntity("q", "a")),
        ]));
        await Assert.ThrowsAsync<ArgumentException>(() => table.CommitAsync(
        [
            new(TableTransactionActionType.Add, new TableEntity("p", "a")),
            new(TableTransactionActionType.UpsertMerge, new TableEntity("p", "a")),
        ]));
        Assert.Empty(await table.RowsAsync(null).ToListAsync());
    }

    [Fact]
    public async Task A_delete_in_a_transaction_with_a_stale_ETag_fails_at_its_index()
    {
        var table = await NewTableAsync();
        var etag = await table.InsertAsync(new TableEntity("p", "old"));
        await table.WriteAsync(new TableEntity("p", "old") { ["Changed"] = true }, TableUpdateMode.Merge);

        var error = await Assert.ThrowsAsync<StorageTransactionFailedException>(() => table.CommitAsync(
        [
            new(TableTransactionActionType.Add, new TableEntity("p", "new")),
            new(TableTransactionActionType.Delete, new TableEntity("p", "old"), etag),
        ]));

        Assert.Equal((412, 1), (error.Status, error.FailedTransactionActionIndex));
        Assert.Null(await table.FindAsync("p", "new"));
        Assert.NotEqual(default(ETag), (await table.FindAsync("p", "old"))!.ETag);
    }
}
