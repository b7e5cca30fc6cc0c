using Azure.Storage.Queues;
using Petitions.Core.Ports;
using Petitions.Infrastructure.Cases;
using Petitions.Infrastructure.Configuration;
using Petitions.Infrastructure.Storage;
using Petitions.TestKit;

namespace Petitions.Infrastructure.Tests.Cases;

/// <summary>Our sender and a plain SDK queue client (Base64, what a Functions queue trigger uses) read each other's messages on Azurite.</summary>
public sealed class QueueWorkSenderInteropTests
{
    private const string VietnameseText = "{\"caseId\":\"PA-2026-0001\",\"note\":\"Đơn khiếu nại về đất đai — thụ lý\"}";

    private static QueueClient PlainBase64Queue(string name) =>
        new(AzuriteServer.Shared.ConnectionString, name, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });

    private static async Task<(QueueWorkSender Sender, QueueClient Plain)> StartAsync()
    {
        var name = AzuriteServer.UniqueName("interop");
        var names = new TriggerSettings
        {
            OutboxQueueName = name + "-o", IntakeQueueName = name, EscalationsQueueName = name + "-e", NotificationsQueueName = name + "-n",
            DeliveryReportsQueueName = name + "-d", ZaloEventsQueueName = name + "-z",
        };
        var queues = new QueueServiceClient(AzuriteServer.Shared.ConnectionString, StorageClientFactory.QueueOptions());
        await new CaseStorageInitializer(new Azure.Data.Tables.TableServiceClient(AzuriteServer.Shared.ConnectionString), queues, new CaseStorageSettings
        {
            CasesTable = "Cases" + name, IndexTable = "Index" + name, GuardsTable = "Guards" + name, NotificationsTable = "Notif" + name,
        }, names).EnsureCreatedAsync();
        return (new QueueWorkSender(queues, names), PlainBase64Queue(name));
    }

    [Fact]
    public async Task A_message_our_sender_sent_is_the_same_text_to_a_plain_Base64_queue_client()
    {
        var (sender, plain) = await StartAsync();

        await sender.SendAsync(CaseQueues.Intake, VietnameseText);

        var received = (await plain.ReceiveMessageAsync()).Value;
        Assert.Equal(VietnameseText, received.Body.ToString());
    }

    [Fact]
    public async Task A_Base64_message_from_a_plain_queue_client_is_what_our_code_path_reads()
    {
        var (_, plain) = await StartAsync();
        await plain.SendMessageAsync(VietnameseText);

        var ours = new QueueServiceClient(AzuriteServer.Shared.ConnectionString, StorageClientFactory.QueueOptions()).GetQueueClient(plain.Name);

        Assert.Equal(VietnameseText, (await ours.PeekMessageAsync()).Value.Body.ToString());
    }

    [Fact]
    public async Task A_delayed_message_is_hidden_until_its_delay_passes()
    {
        var (sender, plain) = await StartAsync();

        await sender.SendAsync(CaseQueues.Intake, "later", TimeSpan.FromMinutes(10));

        Assert.Empty((await plain.PeekMessagesAsync(32)).Value);
        Assert.Equal(1, (await plain.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task A_message_over_64_KiB_once_encoded_is_refused_before_any_request()
    {
        var (sender, plain) = await StartAsync();
        var justFits = new string('a', 48 * 1024);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => sender.SendAsync(CaseQueues.Intake, justFits + "a"));
        await sender.SendAsync(CaseQueues.Intake, justFits);

        Assert.Contains("65540 bytes once base64-encoded", error.Message, StringComparison.Ordinal);
        Assert.Equal(justFits, (await plain.ReceiveMessageAsync()).Value.Body.ToString());
    }

    [Fact]
    public async Task A_send_to_a_queue_that_does_not_exist_fails_with_our_exception_naming_status_and_code()
    {
        var queues = new QueueServiceClient(AzuriteServer.Shared.ConnectionString, StorageClientFactory.QueueOptions());
        var sender = new QueueWorkSender(queues, new TriggerSettings { IntakeQueueName = AzuriteServer.UniqueName("missing") });

        var error = await Assert.ThrowsAsync<StorageRequestException>(() => sender.SendAsync(CaseQueues.Intake, "secret citizen text"));

        Assert.Equal(404, error.Status);
        Assert.Equal("QueueNotFound", error.ErrorCode);
        Assert.DoesNotContain("secret citizen text", error.Message, StringComparison.Ordinal);
        Assert.Null(error.InnerException);
    }
}
