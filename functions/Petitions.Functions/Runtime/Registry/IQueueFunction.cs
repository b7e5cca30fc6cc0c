namespace Petitions.Functions.Runtime.Registry;

/// <summary>
/// A queue-triggered function. Delivery is at least once: the same message can arrive again (a retry, a crash before the
/// delete), so implementations are idempotent. Throwing makes the message visible again; after maxDequeueCount attempts it
/// goes to <c>&lt;queue&gt;-poison</c>.
/// </summary>
internal interface IQueueFunction
{
    Task RunAsync(QueueTriggerMessage message, CancellationToken cancellationToken);
}

/// <summary>What a queue handler is given: the decoded message text and the facts the host reports about it.</summary>
internal sealed record QueueTriggerMessage(
    string FunctionName,
    string MessageText,
    string MessageId,
    long DequeueCount,
    DateTimeOffset? InsertedOn,
    InvocationLog Log);
