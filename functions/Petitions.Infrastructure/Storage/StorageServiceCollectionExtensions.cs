using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Petitions.Infrastructure.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers, as singletons built by <see cref="StorageClientFactory"/> from <c>AzureWebJobsStorage</c>
    /// (a connection string, or the identity-based <c>AzureWebJobsStorage__*</c> settings as the Functions
    /// host reads them): <see cref="TableServiceClient"/>, <see cref="QueueServiceClient"/> (Base64
    /// messages), <see cref="BlobServiceClient"/>, and <see cref="StorageSettings"/> validated at start
    /// (<c>ValidateOnStart</c>) with sentences naming the setting, and <see cref="StorageAccount"/> over those
    /// clients. Calling it twice registers nothing twice.
    /// </summary>
    public static IServiceCollection AddPetitionsStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.Any(d => d.ServiceType == typeof(TableServiceClient)))
        {
            return services;
        }

        services.AddOptions<StorageSettings>()
            .Configure(settings => Read(configuration, settings))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageSettings>, StorageSettingsValidator>());
        services.TryAddSingleton(sp => StorageClientFactory.CreateTableServiceClient(Settings(sp)));
        services.TryAddSingleton(sp => StorageClientFactory.CreateQueueServiceClient(Settings(sp)));
        services.TryAddSingleton(sp => StorageClientFactory.CreateBlobServiceClient(Settings(sp)));
        return services;
    }

    /// <summary>Reads both spellings: <c>AzureWebJobsStorage:x</c> (environment <c>__</c>) and literal <c>AzureWebJobsStorage__x</c>.</summary>
    internal static void Read(IConfiguration configuration, StorageSettings settings)
    {
        string? Setting(string name) =>
            NonEmpty(configuration[StorageSettings.SectionName + ":" + name]) ?? NonEmpty(configuration[StorageSettings.SectionName + "__" + name]);

        settings.ConnectionString = NonEmpty(configuration[StorageSettings.SectionName]);
        settings.TableServiceUri = ToUri(Setting("tableServiceUri"));
        settings.QueueServiceUri = ToUri(Setting("queueServiceUri"));
        settings.BlobServiceUri = ToUri(Setting("blobServiceUri"));
        settings.AccountName = Setting("accountName");
        settings.Credential = Setting("credential");
        settings.ClientId = Setting("clientId");
    }

    private static StorageSettings Settings(IServiceProvider provider) => provider.GetRequiredService<IOptions<StorageSettings>>().Value;

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>A value that is not an absolute URI becomes a non-https one, so the validator names the setting.</summary>
    private static Uri? ToUri(string? value) =>
        value is null ? null : Uri.TryCreate(value, UriKind.Absolute, out var uri) ? uri : new Uri("invalid:" + Uri.EscapeDataString(value));

    /// <summary>Reports every problem at once, in words an operator can act on.</summary>
    private sealed class StorageSettingsValidator : IValidateOptions<StorageSettings>
    {
        public ValidateOptionsResult Validate(string? name, StorageSettings options) =>
            options.Problems() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
    }
}
