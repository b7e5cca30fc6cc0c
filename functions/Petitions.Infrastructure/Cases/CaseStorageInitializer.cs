using Azure.Data.Tables;
using Azure.Storage.Queues;
using Petitions.Infrastructure.Configuration;
using Petitions.Infrastructure.Storage;

namespace Petitions.Infrastructure.Cases;

/// <summary>Creates the tables of case handling and every queue of the app if they do not exist (idempotent; run at start).</summary>
public sealed class CaseStorageInitializer(TableServiceClient tables, QueueServiceClient queues, CaseStorageSettings names, TriggerSettings queueNames)
{
    /// <summary>Creates what is missing.</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        foreach (var table in new[] { names.CasesTable, names.IndexTable, names.GuardsTable, names.NotificationsTable, names.ReportsTable })
        {
            await tables.GetTableClient(table).CreateIfMissingAsync(cancellationToken).ConfigureAwait(false);
        }

        foreach (var queue in queueNames.AllQueues())
        {
            var client = queues.GetQueueClient(queue);
            await StorageFailures.Run("queue create", () => client.CreateIfNotExistsAsync(cancellationToken: cancellationToken)).ConfigureAwait(false);
        }
    }
}
