using Azure.Storage.Queues;
using Petitions.Core.Ports;
using Petitions.Infrastructure.Configuration;
using Petitions.Infrastructure.Storage;

namespace Petitions.Infrastructure.Cases;

/// <summary>
/// Sends case work on Azure queues through the SDK (Base64 messages, as Functions queue triggers read them),
/// mapping logical names to the flat app settings the triggers read (<see cref="TriggerSettings"/>). Messages keep the service's default time to live (7 days).
/// </summary>
public sealed class QueueWorkSender(QueueServiceClient queues, TriggerSettings names) : IWorkSender
{
    private readonly QueueServiceClient _queues = queues ?? throw new ArgumentNullException(nameof(queues));
    private readonly TriggerSettings _names = names ?? throw new ArgumentNullException(nameof(names));

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The message exceeds 64 KiB once encoded (checked before any request).</exception>
    public async Task SendAsync(string queue, string message, TimeSpan? delay = null, CancellationToken cancellationToken = default)
    {
        QueueMessageLimits.EnsureSendable(message, delay);
        var client = _queues.GetQueueClient(_names.QueueName(queue));
        await StorageFailures.Run("queue send", () => client.SendMessageAsync(message, delay, timeToLive: null, cancellationToken)).ConfigureAwait(false);
    }
}
