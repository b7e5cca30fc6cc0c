using Petitions.Infrastructure.Storage;

namespace Petitions.Infrastructure.Cases;

/// <summary>Creates the tables and queues of case handling if they do not exist (idempotent; run at start).</summary>
public sealed class CaseStorageInitializer(StorageAccount account, CaseStorageSettings names)
{
    /// <summary>Creates what is missing.</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        foreach (var table in new[] { names.CasesTable, names.IndexTable, names.GuardsTable, names.NotificationsTable })
        {
            await account.GetTableClient(table).CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        }

        foreach (var queue in new[] { names.OutboxQueue, names.IntakeQueue, names.EscalationsQueue, names.NotificationsQueue })
        {
            await account.GetQueueClient(queue).CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
