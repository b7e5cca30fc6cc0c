using Azure.Data.Tables;
using Azure.Storage.Queues;
using Petitions.Infrastructure.Storage;

namespace Petitions.Infrastructure.Cases;

/// <summary>Creates the tables and queues of case handling if they do not exist (idempotent; run at start).</summary>
public sealed class CaseStorageInitializer(TableServiceClient tables, QueueServiceClient queues, CaseStorageSettings names)
{
    /// <summary>Creates what is missing.</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        foreach (var table in new[] { names.CasesTable, names.IndexTable, names.GuardsTable, names.NotificationsTable })
        {
            await tables.GetTableClient(table).CreateIfMissingAsync(cancellationToken).ConfigureAwait(false);
        }

        foreach (var queue in new[] { names.OutboxQueue, names.IntakeQueue, names.EscalationsQueue, names.NotificationsQueue })
        {
            var client = queues.GetQueueClient(queue);
            await StorageFailures.Run("queue create", () => client.CreateIfNotExistsAsync(cancellationToken: cancellationToken)).ConfigureAwait(false);
        }
    }
}
