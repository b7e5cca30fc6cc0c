using Azure;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Queues;
using Petitions.Functions.Functions.GetHealth;
using Petitions.Infrastructure.Storage;

namespace Petitions.Functions.App.Storage;

/// <summary>
/// Asks each storage service one cheap question (an entity read on a probe table, a queue's metadata). Any answer
/// from the service — even "not found" — means it is reachable; 401/403 means our credentials are refused; no answer
/// within the timeout means unreachable.
/// </summary>
internal sealed class StorageReachabilityProbe(TableServiceClient tables, QueueServiceClient queues) : IStorageReachability
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);
    private const string ProbeTable = "HealthProbe";
    private const string ProbeQueue = "health-probe";

    public Task<string> CheckTablesAsync(CancellationToken cancellationToken) =>
        ProbeAsync(ct => tables.GetTableClient(ProbeTable).FindAsync("health", "probe", cancellationToken: ct), cancellationToken);

    public Task<string> CheckQueuesAsync(CancellationToken cancellationToken) =>
        ProbeAsync(ct => StorageFailures.Run("queue properties", () => queues.GetQueueClient(ProbeQueue).GetPropertiesAsync(ct)), cancellationToken);

    private static async Task<string> ProbeAsync(Func<CancellationToken, Task> call, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await call(timeout.Token).ConfigureAwait(false);
            return StorageReachability.Ok;
        }
        catch (Exception e) when (e is AuthenticationFailedException or StorageRequestException { Status: 401 or 403 })
        {
            return StorageReachability.Denied;
        }
        catch (StorageRequestException e) when (e.Status is >= 400 and < 500)
        {
            return StorageReachability.Ok;
        }
        catch (Exception e) when (e is StorageRequestException or RequestFailedException or HttpRequestException or OperationCanceledException)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return StorageReachability.Unreachable;
        }
    }
}
