using Azure.Data.Tables;
using Azure.Storage.Queues;

namespace Petitions.Infrastructure.Storage;

/// <summary>
/// The app's storage account by table and queue name: a thin wrapper over the registered SDK clients
/// (<see cref="TableServiceClient"/>, and <see cref="QueueServiceClient"/> with Base64 messages), kept for the
/// function app's runtime code that asks for a table or a queue by name. It builds no request itself.
/// </summary>
public class StorageAccount
{
    private readonly TableServiceClient _tables = null!;
    private readonly QueueServiceClient _queues = null!;

    public StorageAccount(TableServiceClient tables, QueueServiceClient queues)
    {
        _tables = tables ?? throw new ArgumentNullException(nameof(tables));
        _queues = queues ?? throw new ArgumentNullException(nameof(queues));
    }

    /// <summary>For mocking.</summary>
    protected StorageAccount()
    {
    }

    /// <summary>The table of that name (not created: see <see cref="TableOperations.CreateIfMissingAsync"/>).</summary>
    public virtual TableClient GetTableClient(string tableName) => _tables.GetTableClient(tableName);

    /// <summary>The queue of that name, Base64 messages as Functions queue triggers read them.</summary>
    public virtual QueueClient GetQueueClient(string queueName) => _queues.GetQueueClient(queueName);
}
