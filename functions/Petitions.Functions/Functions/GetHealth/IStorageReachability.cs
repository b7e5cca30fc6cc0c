namespace Petitions.Functions.Functions.GetHealth;

/// <summary>Whether the storage services answer, each reported as one of the <see cref="StorageReachability"/> words.</summary>
public interface IStorageReachability
{
    Task<string> CheckTablesAsync(CancellationToken cancellationToken);

    Task<string> CheckQueuesAsync(CancellationToken cancellationToken);
}

/// <summary>The words the health report uses per storage service.</summary>
internal static class StorageReachability
{
    public const string Ok = "ok";
    public const string Unreachable = "unreachable";
    public const string Denied = "denied";
}
