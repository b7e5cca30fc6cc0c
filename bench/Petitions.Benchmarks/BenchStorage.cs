using Petitions.Infrastructure.Storage;

namespace Petitions.Benchmarks;

/// <summary>Where the storage benchmarks find Azurite: the connection string the host process put in the environment.</summary>
public static class BenchStorage
{
    /// <summary>The environment variable holding the emulator's connection string.</summary>
    public const string Variable = "PETITIONS_BENCH_STORAGE";

    /// <summary>The emulator's tables through the SDK.</summary>
    public static Azure.Data.Tables.TableServiceClient Tables() => new(Connection());

    /// <summary>The emulator's queues through the SDK, configured as the app configures them.</summary>
    public static Azure.Storage.Queues.QueueServiceClient Queues() =>
        new(Connection(), StorageClientFactory.QueueOptions());

    private static string Connection() =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } connection
            ? connection
            : throw new InvalidOperationException(
                $"{Variable} is not set: run the benchmarks through tools/bench.sh (or the Petitions.Benchmarks executable), which starts Azurite.");
}
