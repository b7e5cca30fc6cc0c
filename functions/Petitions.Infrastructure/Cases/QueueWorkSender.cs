using Petitions.Core.Ports;
using Petitions.Infrastructure.Storage;

namespace Petitions.Infrastructure.Cases;

/// <summary>Sends case work on Azure queues, mapping logical names to the configured ones.</summary>
public sealed class QueueWorkSender(StorageAccount account, CaseStorageSettings names) : IWorkSender
{
    private readonly StorageAccount _account = account ?? throw new ArgumentNullException(nameof(account));
    private readonly CaseStorageSettings _names = names ?? throw new ArgumentNullException(nameof(names));

    /// <inheritdoc />
    public Task SendAsync(string queue, string message, TimeSpan? delay = null, CancellationToken cancellationToken = default) =>
        _account.GetQueueClient(_names.QueueName(queue)).SendMessageAsync(message, delay, null, cancellationToken);
}
