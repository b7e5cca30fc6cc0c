namespace Petitions.Functions.Runtime.Standalone;

/// <summary>The queue operations the standalone listener needs (message text already base64-decoded).</summary>
internal interface ITriggerQueue
{
    string Name { get; }

    Task CreateIfNotExistsAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<TriggerQueueMessage>> ReceiveAsync(int maxMessages, TimeSpan visibilityTimeout, CancellationToken cancellationToken);

    Task DeleteAsync(string messageId, string popReceipt, CancellationToken cancellationToken);

    /// <summary>Changes when the message becomes visible again; returns the new pop receipt.</summary>
    Task<string> SetVisibilityAsync(string messageId, string popReceipt, TimeSpan visibleIn, CancellationToken cancellationToken);

    /// <summary>Adds a message (used for the poison queue), creating the queue if needed.</summary>
    Task SendAsync(string text, CancellationToken cancellationToken);
}

/// <summary>A received message as the listener sees it.</summary>
internal sealed record TriggerQueueMessage(string MessageId, string PopReceipt, string MessageText, long DequeueCount, DateTimeOffset? InsertedOn);

/// <summary>Opens trigger queues by name and connection-setting name (function.json's <c>connection</c>).</summary>
internal interface ITriggerQueueFactory
{
    ITriggerQueue Open(string queueName, string connection);
}
