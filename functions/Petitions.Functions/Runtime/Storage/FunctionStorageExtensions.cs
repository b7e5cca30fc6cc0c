using Petitions.Functions.Functions.GetHealth;
using Petitions.Functions.Runtime.Standalone;
using Petitions.Infrastructure.Storage;

namespace Petitions.Functions.Runtime.Storage;

/// <summary>The storage account (<c>AzureWebJobsStorage</c>) and the runtime's adapters on it.</summary>
internal static class FunctionStorageExtensions
{
    public static IServiceCollection AddFunctionStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddPetitionsStorage(configuration);
        services.AddSingleton<ITriggerQueueFactory, StorageTriggerQueues>();
        services.AddSingleton<IScheduleMonitor, TableScheduleMonitor>();
        services.AddSingleton<IStorageReachability, StorageReachabilityProbe>();
        return services;
    }
}
