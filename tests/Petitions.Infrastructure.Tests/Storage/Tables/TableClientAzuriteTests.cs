using Azure;
using Petitions.Infrastructure.Storage;
using Petitions.Infrastructure.Storage.Tables;

namespace Petitions.Infrastructure.Tests.Storage.Tables;

public sealed class TableClientAzuriteTests
{
    [Fact]
    public async Task Creating_an_existing_table_reports_false_and_deleting_it_twice_reports_false_the_second_time()
    {
        var table = await Live.NewTableAsync();

        Assert.False(await table.CreateIfNotExistsAsync());
        Assert.True(await table.DeleteIfExistsAsync());
        Assert.False(await table.DeleteIfExistsAsync());
    }

    [Fact]
    public async Task Every_property_type_round_trips_with_its_type()
    {
        var table = await Live.NewTableAsync();
        var due = new DateTimeOffset(2026, 2, 17, 1, 2, 3, TimeSpan.Zero).AddTicks(1234567);
        var id = Guid.NewGuid();
        var entity = new TableEntity("case-1", "case")
        {
            ["Title"] = "Khiếu nại về quyết định số 12/QĐ-UBND",
            ["Days"] = 45,
            ["Sequence"] = 9_000_000_000L,
            ["Remote"] = true,
            ["Score"] = 3.0,
            ["Due"] = due,
            ["Filed"] = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc),
            ["Id"] = id,
            ["Hash"] = new byte[] { 1, 2, 254, 255 },
        };

        var etag = await table.AddEntityAsync(entity);
        var read = await table.GetEntityAsync("case-1", "case");

        Assert.NotNull(read);
        Assert.NotEqual(default, etag);
        Assert.Equal(etag, read.ETag);
        Assert.NotNull(read.Timestamp);
        Assert.Equal("Khiếu nại về quyết định số 12/QĐ-UBND", read.GetString("Title"));
        Assert.Equal(45, read.GetInt32("Days"));
        Assert.Equal(9_000_000_000L, read.GetInt64("Sequence"));
        Assert.IsType<long>(read["Sequence"]);
        Assert.True(read.GetBoolean("Remote"));
        Assert.Equal(3.0, read.GetDouble("Score"));
        Assert.Equal(due, read.GetDateTimeOffset("Due"));
        Assert.IsType<DateTimeOffset>(read["Due"]);
        Assert.Equal(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero), read.GetDateTimeOffset("Filed"));
        Assert.Equal(id, read.GetGuid("Id"));
        Assert.IsType<Guid>(read["Id"]);
        Assert.Equal(new byte[] { 1, 2, 254, 255 }, read.GetBinary("Hash"));
    }

    [Fact]
    public async Task A_missing_entity_reads_as_null_and_select_returns_only_the_chosen_properties()
    {
        var table = await Live.NewTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "r") { ["A"] = "a", ["B"] = "b" });

        Assert.Null(await table.GetEntityAsync("p", "nobody"));
        var selected = await table.GetEntityAsync("p", "r", ["A"]);

        Assert.NotNull(selected);
        Assert.Equal("a", selected.GetString("A"));
        Assert.False(selected.ContainsKey("B"));
    }

    [Fact]
    public async Task Adding_an_existing_entity_is_a_typed_already_exists_error()
    {
        var table = await Live.NewTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "r"));

        var error = await Assert.ThrowsAsync<EntityAlreadyExistsException>(() => table.AddEntityAsync(new TableEntity("p", "r")));

        Assert.Equal(409, error.Status);
        Assert.Equal("EntityAlreadyExists", error.ErrorCode);
    }

    [Fact]
    public async Task Merge_keeps_unsent_properties_and_replace_drops_them_each_returning_a_new_etag()
    {
        var table = await Live.NewTableAsync();
        var etag0 = await table.AddEntityAsync(new TableEntity("p", "r") { ["A"] = "a", ["B"] = "b" });

        var etag1 = await table.UpdateEntityAsync(new TableEntity("p", "r") { ["A"] = "a2" }, etag0);
        var merged = await table.GetEntityAsync("p", "r");
        var etag2 = await table.UpdateEntityAsync(new TableEntity("p", "r") { ["A"] = "a3" }, etag1, TableUpdateMode.Replace);
        var replaced = await table.GetEntityAsync("p", "r");

        Assert.NotEqual(etag0, etag1);
        Assert.NotEqual(etag1, etag2);
        Assert.Equal(("a2", "b"), (merged!.GetString("A"), merged.GetString("B")));
        Assert.Equal("a3", replaced!.GetString("A"));
        Assert.False(replaced.ContainsKey("B"));
        Assert.Equal(etag2, replaced.ETag);
    }

    [Fact]
    public async Task An_update_with_a_stale_etag_is_a_typed_concurrency_conflict()
    {
        var table = await Live.NewTableAsync();
        var stale = await table.AddEntityAsync(new TableEntity("p", "r") { ["N"] = 1 });
        await table.UpdateEntityAsync(new TableEntity("p", "r") { ["N"] = 2 }, stale);

        var error = await Assert.ThrowsAsync<ConcurrencyConflictException>(
            () => table.UpdateEntityAsync(new TableEntity("p", "r") { ["N"] = 3 }, stale));

        Assert.Equal(412, error.Status);
        Assert.Equal(2, (await table.GetEntityAsync("p", "r"))!.GetInt32("N"));
    }

    [Fact]
    public async Task Two_writers_racing_with_the_same_etag_exactly_one_wins()
    {
        var table = await Live.NewTableAsync();
        var etag = await table.AddEntityAsync(new TableEntity("case-9", "case") { ["Status"] = "Received" });

        async Task<string> Write(string status)
        {
            try
            {
                await table.UpdateEntityAsync(new TableEntity("case-9", "case") { ["Status"] = status }, etag);
                return status;
            }
            catch (ConcurrencyConflictException)
            {
                return "lost";
            }
        }

        var results = await Task.WhenAll(Write("Accepted"), Write("Refused"));

        var winner = Assert.Single(results, r => r != "lost");
        Assert.Single(results, r => r == "lost");
        Assert.Equal(winner, (await table.GetEntityAsync("case-9", "case"))!.GetString("Status"));
    }

    [Fact]
    public async Task An_update_of_a_vanished_entity_is_a_concurrency_conflict_and_any_version_update_needs_etag_all()
    {
        var table = await Live.NewTableAsync();
        var etag = await table.AddEntityAsync(new TableEntity("p", "r"));
        await table.DeleteEntityAsync("p", "r");

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => table.UpdateEntityAsync(new TableEntity("p", "r"), etag));
        await Assert.ThrowsAsync<ArgumentException>(() => table.UpdateEntityAsync(new TableEntity("p", "r"), default));
    }

    [Fact]
    public async Task Upsert_inserts_then_merges_or_replaces()
    {
        var table = await Live.NewTableAsync();

        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["A"] = "a", ["B"] = "b" }, TableUpdateMode.Replace);
        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["A"] = "a2" }, TableUpdateMode.Merge);
        var merged = await table.GetEntityAsync("p", "r");
        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["C"] = "c" }, TableUpdateMode.Replace);
        var replaced = await table.GetEntityAsync("p", "r");

        Assert.Equal(("a2", "b"), (merged!.GetString("A"), merged.GetString("B")));
        Assert.Equal(["C", "PartitionKey", "RowKey"], replaced!.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Delete_honours_the_etag_and_reports_whether_the_entity_existed()
    {
        var table = await Live.NewTableAsync();
        var stale = await table.AddEntityAsync(new TableEntity("p", "r"));
        var current = await table.UpdateEntityAsync(new TableEntity("p", "r") { ["A"] = "x" }, stale);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => table.DeleteEntityAsync("p", "r", stale));
        Assert.True(await table.DeleteEntityAsync("p", "r", current));
        Assert.False(await table.DeleteEntityAsync("p", "r"));
        Assert.Null(await table.GetEntityAsync("p", "r"));
    }

    [Theory]
    [InlineData("Lê Lợi", "đơn số 12")]
    [InlineData("it's", "a'b''c")]
    [InlineData("100% (x)", "a+b=c&d")]
    [InlineData("~!@$^*", "[]{};:,.")]
    public async Task Keys_with_quotes_spaces_percent_and_vietnamese_letters_round_trip(string partitionKey, string rowKey)
    {
        var table = await Live.NewTableAsync();

        var etag = await table.AddEntityAsync(new TableEntity(partitionKey, rowKey) { ["V"] = 1 });
        var read = await table.GetEntityAsync(partitionKey, rowKey);
        var updated = await table.UpdateEntityAsync(new TableEntity(partitionKey, rowKey) { ["V"] = 2 }, etag);
        var deleted = await table.DeleteEntityAsync(partitionKey, rowKey, updated);

        Assert.Equal((partitionKey, rowKey), (read!.PartitionKey, read.RowKey));
        Assert.True(deleted);
    }

    [Theory]
    [InlineData("a/b", "'/'")]
    [InlineData("a\\b", "'\\'")]
    [InlineData("a#b", "'#'")]
    [InlineData("a?b", "'?'")]
    [InlineData("a\u0001b", "U+0001")]
    [InlineData("a\u007Fb", "U+007F")]
    [InlineData("a\u009Fb", "U+009F")]
    public async Task Forbidden_key_characters_are_refused_before_any_request(string key, string named)
    {
        var table = Live.Account.GetTableClient("neverCreated");

        var error = await Assert.ThrowsAsync<ArgumentException>(() => table.AddEntityAsync(new TableEntity(key, "r")));

        Assert.Contains(named.Trim('\''), error.Message, StringComparison.Ordinal);
        Assert.Contains("PartitionKey", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Oversized_strings_keys_and_entities_are_refused_with_a_clear_error()
    {
        var table = await Live.NewTableAsync();

        var longString = await Assert.ThrowsAsync<ArgumentException>(
            () => table.AddEntityAsync(new TableEntity("p", "r") { ["Body"] = new string('x', 32 * 1024 + 1) }));
        var longKey = await Assert.ThrowsAsync<ArgumentException>(() => table.AddEntityAsync(new TableEntity(new string('k', 513), "r")));
        var big = new TableEntity("p", "r");
        for (var i = 0; i < 20; i++)
        {
            big["Part" + i] = new byte[60 * 1024];
        }

        var bigEntity = await Assert.ThrowsAsync<ArgumentException>(() => table.AddEntityAsync(big));

        Assert.Contains("64 KiB", longString.Message, StringComparison.Ordinal);
        Assert.Contains("1 KiB", longKey.Message, StringComparison.Ordinal);
        Assert.Contains("1 MiB", bigEntity.Message, StringComparison.Ordinal);
        Assert.Null(await table.GetEntityAsync("p", "r"));
    }

    [Fact]
    public void Unsupported_property_types_are_refused_when_set()
    {
        var entity = new TableEntity("p", "r");

        var error = Assert.Throws<ArgumentException>(() => entity["Amount"] = 1.5m);

        Assert.Contains("Decimal", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Etags_are_azure_etags_usable_across_reads()
    {
        var table = await Live.NewTableAsync();
        var etag = await table.AddEntityAsync(new TableEntity("p", "r"));

        var read = await table.GetEntityAsync("p", "r");

        Assert.IsType<ETag>(read!.ETag);
        Assert.Equal(etag, read.ETag);
    }
}
