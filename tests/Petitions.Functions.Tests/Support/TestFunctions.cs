using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
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

/// <summary>An HTTP test function that throws what its route asks for, to show the problem+json mapping.</summary>
internal static class TestFailingHttpFunction
{
    public const string Name = "TestFailingHttp";

    public static IEndpointConventionBuilder Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("api/test/failures/{kind}", Fail);

    private static IResult Fail(string kind) => kind switch
    {
        "bad-input" => throw new ArgumentException("The tracking code must have 10 characters."),
        _ => throw new InvalidOperationException("secret internal detail"),
    };
}
