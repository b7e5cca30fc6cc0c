using Azure.Data.Tables;
using Azure.Storage.Queues;
using Petitions.Infrastructure.Storage;

namespace Petitions.Functions.Tests.Support;

/// <summary>Plain Azure SDK clients on a test's Azurite, configured as the app configures them (Base64 queue messages).</summary>
internal static class PlainStorage
{
    public static Storage Account(string connectionString) =>
        new(new TableServiceClient(connectionString), new QueueServiceClient(connectionString, StorageClientFactory.QueueOptions()));

    /// <summary>The queue's approximate message count.</summary>
    public static async Task<int> ApproximateCountAsync(this QueueClient queue) =>
        (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount;

    /// <summary>Every row of the table matching the filter (all when null).</summary>
    public static async Task<List<TableEntity>> AllRowsAsync(this TableClient table, string? filter = null) =>
        await table.QueryAsync<TableEntity>(filter).ToListAsync();

    /// <summary>A test's view of the account: a table or a queue by name.</summary>
    internal sealed record Storage(TableServiceClient Tables, QueueServiceClient Queues)
    {
        public TableClient GetTableClient(string name) => Tables.GetTableClient(name);

        public QueueClient GetQueueClient(string name) => Queues.GetQueueClient(name);
    }
}
