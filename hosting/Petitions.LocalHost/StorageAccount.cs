using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace Petitions.LocalHost;

/// <summary>
/// The storage account a trigger's <c>connection</c> names, as the Functions host finds it: the setting
/// <c>X</c>, then <c>AzureWebJobsX</c>; default <c>AzureWebJobsStorage</c>. Connection strings only
/// (incl. <c>UseDevelopmentStorage=true</c>).
/// </summary>
internal static class StorageAccount
{
    public static QueueServiceClient Queues(HostSettings settings, string? connection) =>
        new(ConnectionString(settings, connection), new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });

    public static BlobServiceClient Blobs(HostSettings settings, string? connection) =>
        new(ConnectionString(settings, connection));

    private static string ConnectionString(HostSettings settings, string? connection)
    {
        var name = string.IsNullOrWhiteSpace(connection) ? "AzureWebJobsStorage" : connection;
        var value = settings.Get(name) ?? settings.Get("AzureWebJobs" + name);
        if (string.IsNullOrWhiteSpace(value))
        {
            var identity = settings.Get(name + "__accountName") ?? settings.Get(name + "__queueServiceUri");
            throw new LocalHostStartupException(identity is null
                ? $"The storage connection '{name}' is not set: give a connection string in local.settings.json, the environment or the host options."
                : $"The storage connection '{name}' uses an identity (__accountName/__serviceUri); the local host supports connection strings only.");
        }

        return value;
    }
}
