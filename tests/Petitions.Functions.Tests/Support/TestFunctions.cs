using System.Collections.Concurrent;
using Petitions.Functions.Runtime.Registry;

namespace Petitions.Functions.Tests.Support;

/// <summary>What the test functions of the test script root do: each test sets the behaviour and reads the calls.</summary>
public sealed class TestBehaviour
{
    internal ConcurrentQueue<QueueTriggerMessage> QueueCalls { get; } = new();

    internal ConcurrentQueue<TimerTriggerInfo> TimerCalls { get; } = new();

    internal Func<QueueTriggerMessage, CancellationToken, Task> OnQueue { get; set; } = (_, _) => Task.CompletedTask;

    internal Func<TimerTriggerInfo, CancellationToken, Task> OnTimer { get; set; } = (_, _) => Task.CompletedTask;
}

internal sealed class TestQueueFunction(TestBehaviour behaviour) : IQueueFunction
{
    public const string Name = "TestQueue";

    public Task RunAsync(QueueTriggerMessage message, CancellationToken cancellationToken)
    {
        behaviour.QueueCalls.Enqueue(message);
        message.Log.Add($"Handled message {message.MessageId}");
        return behaviour.OnQueue(message, cancellationToken);
    }
}

internal sealed class TestTimerFunction(TestBehaviour behaviour) : ITimerFunction
{
    public const string Name = "TestTimer";

    public Task RunAsync(TimerTriggerInfo timer, CancellationToken cancellationToken)
    {
        behaviour.TimerCalls.Enqueue(timer);
        timer.Log.Add("Timer ran");
        return behaviour.OnTimer(timer, cancellationToken);
    }
}
