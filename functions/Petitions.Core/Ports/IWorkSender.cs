namespace Petitions.Core.Ports;

/// <summary>Sends messages on the logical queues of <see cref="CaseQueues"/>.</summary>
public interface IWorkSender
{
    /// <summary>Sends a message, hidden for <paramref name="delay"/> when given.</summary>
    Task SendAsync(string queue, string message, TimeSpan? delay = null, CancellationToken cancellationToken = default);
}
