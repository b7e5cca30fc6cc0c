using Azure.Core;
using Azure.Core.Pipeline;
using Petitions.Infrastructure.Storage.Pipeline;
using Petitions.Infrastructure.Storage.Queues;
using Petitions.Infrastructure.Storage.Tables;

namespace Petitions.Infrastructure.Storage;

/// <summary>
/// The storage account: one Table pipeline and one Queue pipeline (auth, retries, diagnostics),
/// shared by every <see cref="TableClient"/> and <see cref="QueueClient"/> it hands out.
/// Authenticates with the account key (Shared Key) or a <see cref="TokenCredential"/>
/// (managed identity; scope <c>https://storage.azure.com/.default</c>).
/// </summary>
public class StorageAccount
{
    private readonly HttpPipeline _tablePipeline = null!;
    private readonly HttpPipeline _queuePipeline = null!;
    private readonly StorageDiagnostics _diagnostics = null!;

    private StorageAccount(Uri tableEndpoint, Uri queueEndpoint, StorageClientOptions options, SharedKeySigner? signer, TokenCredential? credential)
    {
        TableEndpoint = tableEndpoint;
        QueueEndpoint = queueEndpoint;
        _tablePipeline = StoragePipeline.Build(options, StorageService.Table, signer, credential);
        _queuePipeline = StoragePipeline.Build(options, StorageService.Queue, signer, credential);
        _diagnostics = new StorageDiagnostics(options.Diagnostics.IsDistributedTracingEnabled);
    }

    /// <summary>For mocking.</summary>
    protected StorageAccount()
    {
        TableEndpoint = new Uri("http://localhost/");
        QueueEndpoint = TableEndpoint;
    }

    public virtual Uri TableEndpoint { get; }

    public virtual Uri QueueEndpoint { get; }

    /// <exception cref="FormatException">The connection string is malformed or carries no account key.</exception>
    public static StorageAccount FromConnectionString(string connectionString, StorageClientOptions? options = null)
    {
        var parsed = StorageConnectionString.Parse(connectionString);
        if (parsed.AccountKey is null)
        {
            throw new FormatException("The storage connection string has no AccountKey; use identity-based settings (a token credential) instead.");
        }

        return new StorageAccount(
            parsed.TableEndpoint,
            parsed.QueueEndpoint,
            options ?? new StorageClientOptions(),
            new SharedKeySigner(parsed.AccountName, parsed.AccountKey),
            credential: null);
    }

    /// <summary>Identity-based access (managed identity in Azure). The endpoints must be https.</summary>
    public static StorageAccount FromCredential(Uri tableEndpoint, Uri queueEndpoint, TokenCredential credential, StorageClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(tableEndpoint);
        ArgumentNullException.ThrowIfNull(queueEndpoint);
        ArgumentNullException.ThrowIfNull(credential);
        return new StorageAccount(tableEndpoint, queueEndpoint, options ?? new StorageClientOptions(), signer: null, credential);
    }

    /// <exception cref="ArgumentException">The name is not a valid table name (3–63 letters/digits, starting with a letter).</exception>
    public virtual TableClient GetTableClient(string tableName) => new(TableEndpoint, tableName, _tablePipeline, _diagnostics);

    /// <exception cref="ArgumentException">The name is not a valid queue name (3–63 lower-case letters, digits, hyphens).</exception>
    public virtual QueueClient GetQueueClient(string queueName) => new(QueueEndpoint, queueName, _queuePipeline, _diagnostics);
}
