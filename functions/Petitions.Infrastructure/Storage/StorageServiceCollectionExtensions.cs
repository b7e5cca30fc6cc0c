using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Petitions.Infrastructure.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="StorageAccount"/> (singleton) from <c>AzureWebJobsStorage</c> — a connection
    /// string, or the identity-based <c>AzureWebJobsStorage__*</c> settings as the Functions host reads
    /// them — validated at start (<c>ValidateOnStart</c>) with a message naming what is wrong.
    /// Uses the registered <see cref="TimeProvider"/> to sign requests when there is one.
    /// </summary>
    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<StorageSettings>()
            .Configure(settings => Read(configuration, settings))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageSettings>, StorageSettingsValidator>();
        services.AddSingleton(provider => Create(
            provider.GetRequiredService<IOptions<StorageSettings>>().Value,
            provider.GetService<TimeProvider>()));
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
        settings.AccountName = Setting("accountName");
        settings.Credential = Setting("credential");
        settings.ClientId = Setting("clientId");
    }

    internal static StorageAccount Create(StorageSettings settings, TimeProvider? clock)
    {
        var options = new StorageClientOptions();
        if (clock is not null)
        {
            options.TimeProvider = clock;
        }

        if (settings.UsesConnectionString)
        {
            return StorageAccount.FromConnectionString(settings.ConnectionString!, options);
        }

        var table = settings.TableServiceUri ?? new Uri($"https://{settings.AccountName}.table.core.windows.net");
        var queue = settings.QueueServiceUri ?? new Uri($"https://{settings.AccountName}.queue.core.windows.net");
        return StorageAccount.FromCredential(table, queue, Credential(settings), options);
    }

    private static TokenCredential Credential(StorageSettings settings)
    {
        var clientId = NonEmpty(settings.ClientId);
        if (string.Equals(settings.Credential, "managedidentity", StringComparison.OrdinalIgnoreCase))
        {
            return new ManagedIdentityCredential(clientId is null ? ManagedIdentityId.SystemAssigned : ManagedIdentityId.FromUserAssignedClientId(clientId));
        }

        return new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = clientId });
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static Uri? ToUri(string? value) =>
        value is null ? null : Uri.TryCreate(value, UriKind.Absolute, out var uri) ? uri : new Uri("invalid:" + Uri.EscapeDataString(value));

    /// <summary>Reports every problem at once, in words an operator can act on.</summary>
    private sealed class StorageSettingsValidator : IValidateOptions<StorageSettings>
    {
        public ValidateOptionsResult Validate(string? name, StorageSettings options) =>
            options.Problems() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
    }
}
