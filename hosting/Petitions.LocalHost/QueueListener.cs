using System.Globalization;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Logging;
using Petitions.LocalHost.Rpc;

namespace Petitions.LocalHost;

/// <summary>
/// Polls one trigger queue as the Functions host does: batches of <c>batchSize</c>, a new batch when
/// in-flight work drops to <c>newBatchThreshold</c>, exponential back-off up to <c>maxPollingInterval</c>
/// when idle, visibility renewed while an invocation runs, delete on success, visible again after
/// <c>visibilityTimeout</c> on failure, and the original text moved to <c>&lt;queue&gt;-poison</c> at
/// <c>maxDequeueCount</c> (or when the text is not Base64).
/// </summary>
internal sealed class QueueListener(
    FunctionDescription function,
    QueueServiceClient service,
    QueueHostOptions options,
    TriggerInvoker invoker,
    TimeProvider time,
    ILogger logger)
{
    private static readonly TimeSpan LeaseTime = TimeSpan.FromMinutes(10);
    private readonly string queueName = function.TriggerProperties.TryGetValue("queueName", out var q) ? q.ToLowerInvariant() : throw new LocalHostStartupException($"Function '{function.Name}' has a queueTrigger without queueName.");
    private readonly List<Task> inFlight = [];
    private readonly Lock gate = new();

    public string QueueName => queueName;

    public async Task InitialiseAsync(CancellationToken ct) =>
        await service.GetQueueClient(queueName).CreateIfNotExistsAsync(cancellationToken: ct).ConfigureAwait(false);

    /// <summary>Polls until <paramref name="stopPolling"/>, then waits for the messages already taken.</summary>
    public async Task RunAsync(CancellationToken stopPolling)
    {
        var queue = service.GetQueueClient(queueName);
        var delay = QueueHostOptions.MinPollingInterval;
        while (!stopPolling.IsCancellationRequested)
        {
            try
            {
                if (Running() > options.NewBatchThreshold)
                {
                    await WhenAnyFinished(stopPolling).ConfigureAwait(false);
                    continue;
                }

                var batch = await queue.ReceiveMessagesAsync(options.BatchSize, LeaseTime, stopPolling).ConfigureAwait(false);
                if (batch.Value.Length == 0)
                {
                    await Task.Delay(delay, time, stopPolling).ConfigureAwait(false);
                    delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, options.MaxPollingInterval.Ticks));
                    continue;
                }

                delay = QueueHostOptions.MinPollingInterval;
                foreach (var message in batch.Value)
                {
                    var task = ProcessAsync(queue, message);
                    lock (gate)
                    {
                        inFlight.Add(task);
                    }
                }
            }
            catch (OperationCanceledException) when (stopPolling.IsCancellationRequested)
            {
                break;
            }
            catch (RequestFailedException e)
            {
                logger.LogWarning("Polling queue {Queue} failed with {Status} {Code}", queueName, e.Status, e.ErrorCode);
                await Task.Delay(delay, time, CancellationToken.None).ConfigureAwait(false);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, options.MaxPollingInterval.Ticks));
            }
        }

        Task[] remaining;
        lock (gate)
        {
            remaining = [.. inFlight];
        }

        await Task.WhenAll(remaining).ConfigureAwait(false);
    }

    private int Running()
    {
        lock (gate)
        {
            inFlight.RemoveAll(t => t.IsCompleted);
            return inFlight.Count;
        }
    }

    private async Task WhenAnyFinished(CancellationToken ct)
    {
        Task[] running;
        lock (gate)
        {
            running = [.. inFlight];
        }

        if (running.Length > 0)
        {
            await Task.WhenAny(running).WaitAsync(ct).ConfigureAwait(false);
        }
    }

    private async Task ProcessAsync(QueueClient queue, QueueMessage message)
    {
        var receipt = message.PopReceipt;
        try
        {
            if (message.DequeueCount > options.MaxDequeueCount || Decode(message.MessageText) is not { } text)
            {
                await PoisonAsync(queue, message, receipt).ConfigureAwait(false);
                return;
            }

            using var renewal = new CancellationTokenSource();
            var renewing = RenewAsync(queue, message, r => receipt = r, renewal.Token);
            bool ok;
            try
            {
                ok = await invoker.InvokeAsync(function, new TypedData { String = text }, Metadata(message), CancellationToken.None).ConfigureAwait(false);
            }
            finally
            {
                await renewal.CancelAsync().ConfigureAwait(false);
                await renewing.ConfigureAwait(false);
            }

            if (ok)
            {
                await queue.DeleteMessageAsync(message.MessageId, receipt).ConfigureAwait(false);
            }
            else if (message.DequeueCount >= options.MaxDequeueCount)
            {
                await PoisonAsync(queue, message, receipt).ConfigureAwait(false);
            }
            else
            {
                await queue.UpdateMessageAsync(message.MessageId, receipt, visibilityTimeout: options.VisibilityTimeout).ConfigureAwait(false);
            }
        }
        catch (RequestFailedException e)
        {
            // the message stays in its queue and comes back after its lease: never lost
            logger.LogWarning("Queue {Queue} message {MessageId}: storage answered {Status} {Code}", queueName, message.MessageId, e.Status, e.ErrorCode);
        }
    }

    private async Task RenewAsync(QueueClient queue, QueueMessage message, Action<string> receipt, CancellationToken ct)
    {
        try
        {
            while (true)
            {
                await Task.Delay(LeaseTime / 2, time, ct).ConfigureAwait(false);
                var renewed = await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: LeaseTime, cancellationToken: ct).ConfigureAwait(false);
                message = message.Update(renewed.Value);
                receipt(renewed.Value.PopReceipt);
            }
        }
        catch (OperationCanceledException)
        {
            // the invocation ended
        }
        catch (RequestFailedException e)
        {
            logger.LogWarning("Queue {Queue} message {MessageId}: renewing visibility failed with {Status}", queueName, message.MessageId, e.Status);
        }
    }

    private async Task PoisonAsync(QueueClient queue, QueueMessage message, string receipt)
    {
        var poison = service.GetQueueClient(queueName + "-poison");
        await poison.CreateIfNotExistsAsync().ConfigureAwait(false);
        await poison.SendMessageAsync(message.MessageText).ConfigureAwait(false);
        await queue.DeleteMessageAsync(message.MessageId, receipt).ConfigureAwait(false);
        logger.LogWarning("Queue {Queue} message {MessageId} moved to {Poison} after {DequeueCount} dequeues", queueName, message.MessageId, poison.Name, message.DequeueCount);
    }

    private string? Decode(string raw)
    {
        if (!options.Base64)
        {
            return raw;
        }

        var bytes = new byte[raw.Length];
        if (!Convert.TryFromBase64String(raw, bytes, out var length))
        {
            return null;
        }

        try
        {
            return new UTF8Encoding(false, true).GetString(bytes, 0, length);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static Dictionary<string, TypedData> Metadata(QueueMessage message)
    {
        static TypedData When(DateTimeOffset? at) => new() { Json = JsonSerializer.Serialize(at) };
        return new Dictionary<string, TypedData>
        {
            ["DequeueCount"] = new() { Json = message.DequeueCount.ToString(CultureInfo.InvariantCulture) },
            ["Id"] = new() { String = message.MessageId },
            ["PopReceipt"] = new() { String = message.PopReceipt },
            ["InsertionTime"] = When(message.InsertedOn),
            ["ExpirationTime"] = When(message.ExpiresOn),
            ["NextVisibleTime"] = When(message.NextVisibleOn),
        };
    }
}
