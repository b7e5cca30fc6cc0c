using System.Text.Json;
using Azure.Storage.Queues;
using Microsoft.Azure.Functions.Worker;

namespace Petitions.LocalHost.TestWorker;

/// <summary>A queue function that fails or waits for a signal on command, and a timer function that records each firing in a queue.</summary>
public sealed class QueueAndTimerFunctions
{
    [Function("Work")]
    public static async Task Work([QueueTrigger("%WorkQueueName%")] string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.StartsWith("fail", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("Failing as the message asks.");
        }

        if (message.StartsWith("hold ", StringComparison.Ordinal))
        {
            await Signal.WaitAsync(message["hold ".Length..]);
        }

        // success is recorded so the tests can see the message was processed, then deleted
        await Record("work-done", message);
    }

    [Function("Tick")]
    public static Task Tick([TimerTrigger("%TickSchedule%")] TimerInfo timer)
    {
        ArgumentNullException.ThrowIfNull(timer);
        return Record(
            Environment.GetEnvironmentVariable("TickFiredQueueName") ?? "tick-fired",
            JsonSerializer.Serialize(new { timer.IsPastDue, Last = timer.ScheduleStatus?.Last, Next = timer.ScheduleStatus?.Next }));
    }

    private static async Task Record(string queueName, string text)
    {
        var queue = new QueueClient(Environment.GetEnvironmentVariable("AzureWebJobsStorage"), queueName, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        await queue.CreateIfNotExistsAsync();
        await queue.SendMessageAsync(text);
    }
}
