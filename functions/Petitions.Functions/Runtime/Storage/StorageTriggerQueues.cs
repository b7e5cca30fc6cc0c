using Petitions.Functions.Runtime.Standalone;
using Petitions.Infrastructure.Storage;
using Azure.Storage.Queues;

namespace Petitions.Functions.Runtime.Storage;

/// <summary>Trigger queues on the app's storage account (<c>AzureWebJobsStorage</c>), through the SDK's Base64 queue client.</summary>
internal sealed class StorageTriggerQueues(StorageAccount account) : ITriggerQueueFactory
{
    public const string DefaultConnection = "AzureWebJobsStorage";

    public ITriggerQueue Open(string queueName, string connection) =>
        string.Equals(connection, DefaultConnection, StringComparison.OrdinalIgnoreCase)
            ? new StorageTriggerQueue(account.GetQueueClient(queueName))
            : throw new InvalidOperationException(
                $"Queue '{queueName}' uses the connection '{connection}'; the standalone runtime serves only '{DefaultConnection}'.");

    private sealed class StorageTriggerQueue(QueueClient client) : ITriggerQueue
    {
        private int _created;

        public string Name => client.Name;

        public Task CreateIfNotExistsAsync(CancellationToken cancellationToken) => EnsureCreatedAsync(cancellationToken);

        public async Task<IReadOnlyList<TriggerQueueMessage>> ReceiveAsync(int maxMessages, TimeSpan visibilityTimeout, CancellationToken cancellationToken)
        {
            var messages = await StorageFailures.Run("queue receive", () => client.ReceiveMessagesAsync(maxMessages, visibilityTimeout, cancellationToken)).ConfigureAwait(false);
            return [.. messages.Value.Select(m => new TriggerQueueMessage(m.MessageId, m.PopReceipt, m.Body.ToString(), m.DequeueCount, m.InsertedOn))];
        }

        public Task DeleteAsync(string messageId, string popReceipt, CancellationToken cancellationToken) =>
            StorageFailures.Run("queue delete", () => client.DeleteMessageAsync(messageId, popReceipt, cancellationToken));

        public async Task<string> SetVisibilityAsync(string messageId, string popReceipt, TimeSpan visibleIn, CancellationToken cancellationToken)
        {
            var receipt = await StorageFailures.Run(
                "queue visibility", () => client.UpdateMessageAsync(messageId, popReceipt, messageText: null, visibilityTimeout: visibleIn, cancellationToken: cancellationToken)).ConfigureAwait(false);
            return receipt.Value.PopReceipt;
        }

        public async Task SendAsync(string text, CancellationToken cancellationToken)
        {
            await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
            await StorageFailures.Run("queue send", () => client.SendMessageAsync(text, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        private async Task EnsureCreatedAsync(CancellationToken cancellationToken)
        {
            if (Volatile.Read(ref _created) == 0)
            {
                await StorageFailures.Run("queue create", () => client.CreateIfNotExistsAsync(cancellationToken: cancellationToken)).ConfigureAwait(false);
                Volatile.Write(ref _created, 1);
            }
        }
    }
}
