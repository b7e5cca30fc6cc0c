using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Petitions.Infrastructure.Storage;
using Petitions.TestKit;

namespace Petitions.Infrastructure.Tests.Storage;

public sealed class AddStorageTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings) =>
        new ServiceCollection()
            .AddStorage(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .BuildServiceProvider();

    [Fact]
    public async Task A_connection_string_in_AzureWebJobsStorage_gives_a_working_account()
    {
        using var provider = Build(new() { ["AzureWebJobsStorage"] = AzuriteServer.Shared.ConnectionString });

        provider.GetRequiredService<IStartupValidator>().Validate();
        var queue = provider.GetRequiredService<StorageAccount>().GetQueueClient(AzuriteServer.UniqueName("di"));

        Assert.True(await queue.CreateIfNotExistsAsync());
    }

    [Fact]
    public void Identity_based_settings_in_environment_spelling_build_an_account_on_their_endpoints()
    {
        using var provider = Build(new()
        {
            ["AzureWebJobsStorage:tableServiceUri"] = "https://acct.table.core.windows.net",
            ["AzureWebJobsStorage:queueServiceUri"] = "https://acct.queue.core.windows.net",
            ["AzureWebJobsStorage:credential"] = "managedidentity",
            ["AzureWebJobsStorage:clientId"] = "00000000-0000-0000-0000-000000000001",
        });

        provider.GetRequiredService<IStartupValidator>().Validate();
        var account = provider.GetRequiredService<StorageAccount>();

        Assert.Equal(new Uri("https://acct.table.core.windows.net"), account.TableEndpoint);
        Assert.Equal(new Uri("https://acct.queue.core.windows.net"), account.QueueEndpoint);
    }

    [Fact]
    public void The_literal_double_underscore_spelling_and_account_name_are_read_too()
    {
        using var provider = Build(new() { ["AzureWebJobsStorage__accountName"] = "petitions" });

        var account = provider.GetRequiredService<StorageAccount>();

        Assert.Equal(new Uri("https://petitions.table.core.windows.net"), account.TableEndpoint);
    }

    [Theory]
    [InlineData(null, null, "Storage is not configured")]
    [InlineData("AzureWebJobsStorage", "AccountName=x;AccountKey=###", "AccountKey is not valid base64")]
    [InlineData("AzureWebJobsStorage:tableServiceUri", "https://acct.table.core.windows.net", "queueServiceUri is missing")]
    [InlineData("AzureWebJobsStorage:tableServiceUri", "http://acct.table.core.windows.net", "absolute https URI")]
    public void Missing_or_wrong_settings_fail_at_start_with_a_clear_message(string? key, string? value, string expected)
    {
        var settings = new Dictionary<string, string?>();
        if (key is not null)
        {
            settings[key] = value;
        }

        using var provider = Build(settings);

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
