using Petitions.Infrastructure.Storage.Tables;

namespace Petitions.Infrastructure.Tests.Storage.Tables;

public sealed class TableQueryAzuriteTests
{
    private static async Task FillAsync(TableClient table, string partitionKey, int count)
    {
        for (var start = 0; start < count; start += 100)
        {
            var actions = Enumerable.Range(start, Math.Min(100, count - start))
                .Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(partitionKey, i.ToString("D5", System.Globalization.CultureInfo.InvariantCulture)) { ["N"] = i }));
            await table.SubmitTransactionAsync(actions);
        }
    }

    [Fact]
    public async Task A_query_over_more_than_a_thousand_entities_in_one_partition_returns_all_pages_without_duplicates()
    {
        var table = await Live.NewTableAsync();
        await FillAsync(table, "big", 1_234);

        var firstPage = await table.QueryPageAsync(TableFilter.Create($"PartitionKey eq {"big"}"));
        var rows = new List<string>();
        await foreach (var entity in table.QueryAsync(TableFilter.Create($"PartitionKey eq {"big"}")))
        {
            rows.Add(entity.RowKey);
        }

        Assert.Equal(1_000, firstPage.Values.Count);
        Assert.NotNull(firstPage.ContinuationToken);
        Assert.Equal(1_234, rows.Count);
        Assert.Equal(1_234, rows.Distinct().Count());
    }

    [Fact]
    public async Task A_query_across_partitions_with_small_pages_follows_every_continuation_token()
    {
        var table = await Live.NewTableAsync();
        await FillAsync(table, "a", 450);
        await FillAsync(table, "b", 450);
        await FillAsync(table, "c", 201);

        var seen = new List<(string, string)>();
        var pages = 0;
        string? token = null;
        do
        {
            var page = await table.QueryPageAsync(null, maxPerPage: 100, continuationToken: token);
            seen.AddRange(page.Values.Select(e => (e.PartitionKey, e.RowKey)));
            token = page.ContinuationToken;
            pages++;
        }
        while (token is not null);
        var all = await table.QueryAsync(null, maxPerPage: 333).CountAsync();

        Assert.Equal(1_101, seen.Count);
        Assert.Equal(1_101, seen.Distinct().Count());
        Assert.True(pages >= 12, $"Expected at least 12 pages of 100, got {pages}.");
        Assert.Equal(1_101, all);
    }

    [Fact]
    public async Task Filters_compare_typed_values_and_select_limits_the_properties()
    {
        var table = await Live.NewTableAsync();
        var due = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
        var id = Guid.NewGuid();
        await table.AddEntityAsync(new TableEntity("p", "1") { ["Due"] = due.AddDays(-1), ["Seq"] = 5L, ["Open"] = true, ["Id"] = id, ["Note"] = "x" });
        await table.AddEntityAsync(new TableEntity("p", "2") { ["Due"] = due.AddDays(1), ["Seq"] = 7L, ["Open"] = true, ["Id"] = Guid.NewGuid(), ["Note"] = "y" });
        await table.AddEntityAsync(new TableEntity("p", "3") { ["Due"] = due.AddDays(-2), ["Seq"] = 9L, ["Open"] = false, ["Id"] = Guid.NewGuid(), ["Note"] = "z" });

        var dueOpen = await table.QueryAsync(TableFilter.Create($"Due lt {due} and Open eq {true}")).Select(e => e.RowKey).ToListAsync();
        var bySeq = await table.QueryAsync(TableFilter.Create($"Seq ge {7L}")).Select(e => e.RowKey).ToListAsync();
        var byId = await table.QueryAsync(TableFilter.Create($"Id eq {id}"), select: ["Note"]).ToListAsync();

        Assert.Equal(["1"], dueOpen);
        Assert.Equal(["2", "3"], bySeq);
        var only = Assert.Single(byId);
        Assert.Equal("x", only.GetString("Note"));
        Assert.False(only.ContainsKey("Due"));
    }

    [Theory]
    [InlineData("' or 1 eq 1 or ''='")]
    [InlineData("x' or PartitionKey ne 'x")]
    [InlineData("') or true or ('")]
    public async Task Injection_attempts_in_filter_values_match_nothing_but_their_literal_text(string attack)
    {
        var table = await Live.NewTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "secret") { ["Owner"] = "someone else" });
        await table.AddEntityAsync(new TableEntity("p", "mine") { ["Owner"] = attack });

        var found = await table.QueryAsync(TableFilter.Create($"Owner eq {attack}")).Select(e => e.RowKey).ToListAsync();

        Assert.Equal(["mine"], found);
    }
}
