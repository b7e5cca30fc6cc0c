using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace Petitions.Infrastructure.Storage;

/// <summary>
/// Builds the SDK's service clients from <see cref="StorageSettings"/>: the one place that knows how
/// <c>AzureWebJobsStorage</c> becomes a <see cref="TableServiceClient"/>, <see cref="QueueServiceClient"/>
/// and <see cref="BlobServiceClient"/>. Every client retries exponentially and boundedly
/// (<see cref="ConfigureRetry"/>); queue messages are Base64, as Functions queue triggers read them.
/// The SDK signs requests with its own (system) time, never the application's clock.
/// </summary>
public static class StorageClientFactory
{
    /// <summary>Retries per request after the first attempt.</summary>
    public const int MaxRetries = 5;

    /// <summary>The first back-off; it doubles (with jitter) up to <see cref="MaxRetryDelay"/>.</summary>
    public static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(500);

    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(30);

    /// <summary>How long one attempt may wait for the service.</summary>
    public static readonly TimeSpan NetworkTimeout = TimeSpan.FromSeconds(100);

    public static TableClientOptions TableOptions() => ConfigureRetry(new TableClientOptions());

    public static QueueClientOptions QueueOptions() => ConfigureRetry(new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });

    public static BlobClientOptions BlobOptions() => ConfigureRetry(new BlobClientOptions());

    /// <summary>Exponential, bounded retry (Azure.Core retries 408, 429, 500, 502, 503, 504 and transport failures, honouring Retry-After).</summary>
    public static T ConfigureRetry<T>(T options)
        where T : ClientOptions
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.MaxRetries = MaxRetries;
        options.Retry.Delay = RetryDelay;
        options.Retry.MaxDelay = MaxRetryDelay;
        options.Retry.NetworkTimeout = NetworkTimeout;
        return options;
    }

    /// <exception cref="InvalidOperationException">The settings are not valid (see <see cref="StorageSettings.Problems"/>).</exception>
    public static TableServiceClient CreateTableServiceClient(StorageSettings settings) =>
        Valid(settings).UsesConnectionString
            ? new TableServiceClient(settings.ConnectionString!.Trim(), TableOptions())
            : new TableServiceClient(settings.TableEndpoint!, CreateCredential(settings), TableOptions());

    /// <exception cref="InvalidOperationException">The settings are not valid (see <see cref="StorageSettings.Problems"/>).</exception>
    public static QueueServiceClient CreateQueueServiceClient(StorageSettings settings) =>
        Valid(settings).UsesConnectionString
            ? new QueueServiceClient(settings.ConnectionString!.Trim(), QueueOptions())
            : new QueueServiceClient(settings.QueueEndpoint!, CreateCredential(settings), QueueOptions());

    /// <exception cref="InvalidOperationException">The settings are not valid (see <see cref="StorageSettings.Problems"/>).</exception>
    public static BlobServiceClient CreateBlobServiceClient(StorageSettings settings) =>
        Valid(settings).UsesConnectionString
            ? new BlobServiceClient(settings.ConnectionString!.Trim(), BlobOptions())
            : new BlobServiceClient(settings.BlobEndpoint!, CreateCredential(settings), BlobOptions());

    /// <summary><c>managedidentity</c> + client ID: that user-assigned identity; <c>managedidentity</c>: the system-assigned one; otherwise the default chain.</summary>
    public static TokenCredential CreateCredential(StorageSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var clientId = string.IsNullOrWhiteSpace(settings.ClientId) ? null : settings.ClientId.Trim();
        if (settings.UsesManagedIdentity)
        {
            return new ManagedIdentityCredential(clientId is null ? ManagedIdentityId.SystemAssigned : ManagedIdentityId.FromUserAssignedClientId(clientId));
        }

        return new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = clientId });
    }

    /// <summary>
    /// Whether the SDK accepts the connection string for all three services; a sentence naming the setting
    /// when not. The sentence never quotes the value or the SDK's message (either may hold the key).
    /// </summary>
    internal static string? ConnectionStringProblem(string connectionString)
    {
        try
        {
            _ = new TableServiceClient(connectionString.Trim());
            _ = new QueueServiceClient(connectionString.Trim());
            _ = new BlobServiceClient(connectionString.Trim());
            return null;
        }
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException)
        {
            return "AzureWebJobsStorage is not a storage connection string the Azure SDK accepts (" + e.GetType().Name + "): " +
                   "use UseDevelopmentStorage=true, or AccountName=…;AccountKey=… (base64) with the endpoints or EndpointSuffix.";
        }
    }

    private static StorageSettings Valid(StorageSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.Problems() is { Count: > 0 } problems ? throw new InvalidOperationException(string.Join(" ", problems)) : settings;
    }
}
