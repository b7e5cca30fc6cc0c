using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Petitions.Infrastructure.Storage;
using Petitions.TestKit;

namespace Petitions.Infrastructure.Tests.Storage;

public sealed class AddPetitionsStorageTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings) =>
        new ServiceCollection()
            .AddPetitionsStorage(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .BuildServiceProvider();

    private static ServiceProvider Valid(Dictionary<string, string?> settings)
    {
        var provider = Build(settings);
        provider.GetRequiredService<IStartupValidator>().Validate();
        return provider;
    }

    [Fact]
    public async Task An_Azurite_connection_string_gives_three_clients_that_reach_the_emulator()
    {
        using var provider = Valid(new() { ["AzureWebJobsStorage"] = AzuriteServer.Shared.ConnectionString });
        var name = AzuriteServer.UniqueName("di");

        var table = await provider.GetRequiredService<TableServiceClient>().CreateTableIfNotExistsAsync(name);
        var queue = provider.GetRequiredService<QueueServiceClient>().GetQueueClient(name);
        var container = provider.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(name);

        Assert.Equal(name, table.Value.Name);
        Assert.Equal(201, (await queue.CreateAsync()).Status);
        Assert.Equal(201, (await container.CreateAsync()).GetRawResponse().Status);
    }

    [Fact]
    public async Task The_registered_queue_client_writes_Base64_as_Functions_queue_triggers_read()
    {
        using var provider = Valid(new() { ["AzureWebJobsStorage"] = AzuriteServer.Shared.ConnectionString });
        var queue = provider.GetRequiredService<QueueServiceClient>().GetQueueClient(AzuriteServer.UniqueName("b64"));
        await queue.CreateAsync();

        await queue.SendMessageAsync("{\"caseId\":\"PA-1\"}");

        var raw = new QueueClient(AzuriteServer.Shared.ConnectionString, queue.Name, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });
        var body = (await raw.ReceiveMessageAsync()).Value.Body.ToString();
        Assert.Equal(Convert.ToBase64String("{\"caseId\":\"PA-1\"}"u8.ToArray()), body);
    }

    [Fact]
    public void UseDevelopmentStorage_true_points_every_client_at_the_emulator_account()
    {
        using var provider = Valid(new() { ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true" });

        Assert.Equal(new Uri("http://127.0.0.1:10002/devstoreaccount1"), provider.GetRequiredService<TableServiceClient>().Uri);
        Assert.Equal(new Uri("http://127.0.0.1:10001/devstoreaccount1"), provider.GetRequiredService<QueueServiceClient>().Uri);
        Assert.Equal(new Uri("http://127.0.0.1:10000/devstoreaccount1"), provider.GetRequiredService<BlobServiceClient>().Uri);
    }

    [Fact]
    public void A_full_connection_string_with_an_endpoint_suffix_names_the_account_on_every_client()
    {
        using var provider = Valid(new()
        {
            ["AzureWebJobsStorage"] = $"DefaultEndpointsProtocol=https;AccountName=petitions;AccountKey={AzuriteServer.AccountKey};EndpointSuffix=core.windows.net",
        });

        Assert.Equal("petitions", provider.GetRequiredService<TableServiceClient>().AccountName);
        Assert.Equal(new Uri("https://petitions.queue.core.windows.net/"), provider.GetRequiredService<QueueServiceClient>().Uri);
        Assert.Equal(new Uri("https://petitions.blob.core.windows.net/"), provider.GetRequiredService<BlobServiceClient>().Uri);
    }

    [Fact]
    public void A_SAS_connection_string_without_an_account_key_is_accepted_now_that_nothing_signs_with_the_key_itself()
    {
        using var provider = Valid(new()
        {
            ["AzureWebJobsStorage"] = "TableEndpoint=https://petitions.table.core.windows.net/;QueueEndpoint=https://petitions.queue.core.windows.net/;" +
                                      "BlobEndpoint=https://petitions.blob.core.windows.net/;SharedAccessSignature=sv=2022-11-02&ss=tqb&srt=sco&sp=rwdlacu&sig=c2ln",
        });

        Assert.Equal("https://petitions.table.core.windows.net/", provider.GetRequiredService<TableServiceClient>().Uri.AbsoluteUri);
        Assert.Equal("https://petitions.queue.core.windows.net/case-intake", provider.GetRequiredService<QueueServiceClient>().GetQueueClient("case-intake").Uri.GetLeftPart(UriPartial.Path));
        Assert.Equal("Cases", provider.GetRequiredService<TableServiceClient>().GetTableClient("Cases").Name);
    }

    [Fact]
    public void The_account_name_alone_derives_the_three_endpoints()
    {
        using var provider = Valid(new() { ["AzureWebJobsStorage__accountName"] = "petitions" });

        Assert.Equal("https://petitions.table.core.windows.net/", provider.GetRequiredService<TableServiceClient>().Uri.AbsoluteUri);
        Assert.Equal("https://petitions.queue.core.windows.net/", provider.GetRequiredService<QueueServiceClient>().Uri.AbsoluteUri);
        Assert.Equal("https://petitions.blob.core.windows.net/", provider.GetRequiredService<BlobServiceClient>().Uri.AbsoluteUri);
    }

    [Fact]
    public void Service_uris_in_the_environment_spelling_are_the_clients_endpoints()
    {
        using var provider = Valid(new()
        {
            ["AzureWebJobsStorage:tableServiceUri"] = "https://acct.table.core.windows.net",
            ["AzureWebJobsStorage:queueServiceUri"] = "https://acct.queue.core.windows.net",
            ["AzureWebJobsStorage:blobServiceUri"] = "https://acct.blob.core.windows.net",
            ["AzureWebJobsStorage:credential"] = "managedidentity",
            ["AzureWebJobsStorage:clientId"] = "00000000-0000-0000-0000-000000000001",
        });

        Assert.Equal("https://acct.table.core.windows.net/", provider.GetRequiredService<TableServiceClient>().Uri.AbsoluteUri);
        Assert.Equal("https://acct.queue.core.windows.net/", provider.GetRequiredService<QueueServiceClient>().Uri.AbsoluteUri);
        Assert.Equal("https://acct.blob.core.windows.net/", provider.GetRequiredService<BlobServiceClient>().Uri.AbsoluteUri);
    }

    [Fact]
    public void A_service_uri_given_beside_the_account_name_wins_over_the_derived_one()
    {
        using var provider = Valid(new()
        {
            ["AzureWebJobsStorage__accountName"] = "petitions",
            ["AzureWebJobsStorage__queueServiceUri"] = "https://queues.example.vn",
        });

        Assert.Equal("https://queues.example.vn/", provider.GetRequiredService<QueueServiceClient>().Uri.AbsoluteUri);
        Assert.Equal("https://petitions.table.core.windows.net/", provider.GetRequiredService<TableServiceClient>().Uri.AbsoluteUri);
    }

    [Fact]
    public void Managed_identity_with_a_client_id_is_that_user_assigned_identity()
    {
        var credential = StorageClientFactory.CreateCredential(new StorageSettings { Credential = "ManagedIdentity", ClientId = "00000000-0000-0000-0000-000000000001" });

        Assert.IsType<ManagedIdentityCredential>(credential);
    }

    [Fact]
    public void Managed_identity_without_a_client_id_is_the_system_assigned_identity()
    {
        Assert.IsType<ManagedIdentityCredential>(StorageClientFactory.CreateCredential(new StorageSettings { Credential = "managedidentity" }));
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData(null, "00000000-0000-0000-0000-000000000001")]
    public void Without_managedidentity_the_default_credential_chain_is_used(string? credential, string? clientId)
    {
        Assert.IsType<DefaultAzureCredential>(StorageClientFactory.CreateCredential(new StorageSettings { Credential = credential, ClientId = clientId }));
    }

    [Fact]
    public void Queue_messages_are_Base64_and_every_client_retries_exponentially_and_boundedly()
    {
        var queue = StorageClientFactory.QueueOptions();
        var retries = new RetryOptions[] { StorageClientFactory.TableOptions().Retry, queue.Retry, StorageClientFactory.BlobOptions().Retry };

        Assert.Equal(QueueMessageEncoding.Base64, queue.MessageEncoding);
        Assert.All(retries, retry =>
        {
            Assert.Equal(RetryMode.Exponential, retry.Mode);
            Assert.Equal(5, retry.MaxRetries);
            Assert.Equal(TimeSpan.FromMilliseconds(500), retry.Delay);
            Assert.Equal(TimeSpan.FromSeconds(30), retry.MaxDelay);
        });
    }

    [Fact]
    public void Registering_twice_registers_each_client_once()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true" }).Build();
        var services = new ServiceCollection().AddPetitionsStorage(configuration).AddPetitionsStorage(configuration);

        Assert.Single(services, d => d.ServiceType == typeof(TableServiceClient));
        Assert.Single(services, d => d.ServiceType == typeof(QueueServiceClient));
        Assert.Single(services, d => d.ServiceType == typeof(BlobServiceClient));
        Assert.Single(services, d => d.ServiceType == typeof(IValidateOptions<StorageSettings>));
    }

    public static TheoryData<Dictionary<string, string?>, string> WrongSettings => new()
    {
        { new(), "Storage is not configured: set AzureWebJobsStorage" },
        { new() { ["AzureWebJobsStorage"] = "this is not a connection string" }, "AzureWebJobsStorage is not a storage connection string the Azure SDK accepts" },
        { new() { ["AzureWebJobsStorage"] = "AccountName=x;AccountKey=###" }, "AzureWebJobsStorage is not a storage connection string the Azure SDK accepts" },
        {
            new() { ["AzureWebJobsStorage:queueServiceUri"] = "https://a.queue.core.windows.net", ["AzureWebJobsStorage:blobServiceUri"] = "https://a.blob.core.windows.net" },
            "AzureWebJobsStorage__tableServiceUri is missing: set it, or AzureWebJobsStorage__accountName"
        },
        {
            new() { ["AzureWebJobsStorage:tableServiceUri"] = "https://a.table.core.windows.net", ["AzureWebJobsStorage:blobServiceUri"] = "https://a.blob.core.windows.net" },
            "AzureWebJobsStorage__queueServiceUri is missing: set it, or AzureWebJobsStorage__accountName"
        },
        {
            new() { ["AzureWebJobsStorage:tableServiceUri"] = "https://a.table.core.windows.net", ["AzureWebJobsStorage:queueServiceUri"] = "https://a.queue.core.windows.net" },
            "AzureWebJobsStorage__blobServiceUri is missing: set it, or AzureWebJobsStorage__accountName"
        },
        { new() { ["AzureWebJobsStorage__accountName"] = "a", ["AzureWebJobsStorage__tableServiceUri"] = "http://a.table.core.windows.net" }, "AzureWebJobsStorage__tableServiceUri must be an absolute https URI" },
        { new() { ["AzureWebJobsStorage__accountName"] = "a", ["AzureWebJobsStorage__blobServiceUri"] = "not a uri" }, "AzureWebJobsStorage__blobServiceUri must be an absolute https URI" },
        { new() { ["AzureWebJobsStorage__accountName"] = "Petitions_Prod" }, "AzureWebJobsStorage__accountName must be a storage account name" },
        { new() { ["AzureWebJobsStorage__accountName"] = "petitions", ["AzureWebJobsStorage__credential"] = "clientsecret" }, "AzureWebJobsStorage__credential must be 'managedidentity' or empty" },
        { new() { ["AzureWebJobsStorage__accountName"] = "petitions", ["AzureWebJobsStorage__clientId"] = "my-identity" }, "AzureWebJobsStorage__clientId must be the client ID (a GUID)" },
    };

    [Theory]
    [MemberData(nameof(WrongSettings))]
    public void A_missing_or_malformed_setting_stops_start_up_with_a_sentence_naming_it(Dictionary<string, string?> settings, string expected)
    {
        using var provider = Build(settings);

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_start_up_sentence_never_quotes_the_account_key()
    {
        using var provider = Build(new() { ["AzureWebJobsStorage"] = "AccountName=x;AccountKey=SECRET-KEY-NOT-BASE64" });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.DoesNotContain("SECRET-KEY", error.Message, StringComparison.Ordinal);
    }
}
