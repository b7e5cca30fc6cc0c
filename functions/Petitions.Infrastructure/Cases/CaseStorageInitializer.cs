using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Queues;
using Petitions.Infrastructure.Configuration;
using Petitions.Infrastructure.Storage;

namespace Petitions.Infrastructure.Cases;

/// <summary>
/// Creates the tables of case handling, every queue of the app and (given the blob client) the private attachments
/// container if they do not exist (idempotent; run at start).
/// </summary>
public sealed class CaseStorageInitializer(
    TableServiceClient tables, QueueServiceClient queues, CaseStorageSettings names, TriggerSettings queueNames, BlobServiceClient? blobs = null)
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

        if (blobs is not null)
        {
            var container = blobs.GetBlobContainerClient(names.AttachmentsContainer);
            await container.CreateIfNotExistsAsync(PublicAccessType.None, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }
}
