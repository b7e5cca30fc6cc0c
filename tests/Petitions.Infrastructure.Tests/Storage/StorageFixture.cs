using Petitions.Infrastructure.Storage;
using Petitions.Infrastructure.Storage.Queues;
using Petitions.Infrastructure.Storage.Tables;
using Petitions.TestKit;

namespace Petitions.Infrastructure.Tests.Storage;

/// <summary>Fresh tables and queues with unique names on the process's private Azurite.</summary>
internal static class Live
{
    private static readonly Lazy<StorageAccount> LazyAccount = new(() => StorageAccount.FromConnectionString(AzuriteServer.Shared.ConnectionString));

    public static StorageAccount Account => LazyAccount.Value;

    public static async Task<TableClient> NewTableAsync()
    {
        var table = Account.GetTableClient(AzuriteServer.UniqueName("t"));
        Assert.True(await table.CreateIfNotExistsAsync());
        return table;
    }

    public static async Task<QueueClient> NewQueueAsync()
    {
        var queue = Account.GetQueueClient(AzuriteServer.UniqueName("q"));
        Assert.True(await queue.CreateIfNotExistsAsync());
        return queue;
    }
}
