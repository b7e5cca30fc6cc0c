using Petitions.Functions.Runtime.Metadata;
using Petitions.Functions.Runtime.Registry;

namespace Petitions.Functions.Runtime.Standalone;

/// <summary>
/// Plays the Functions host's queue trigger for one function: receives batches with a lease (renewed at half-time while
/// the handler works), deletes a message when its handler succeeded, makes it visible again after host.json's
/// visibilityTimeout when it failed, and after maxDequeueCount attempts moves its original text to
/// <c>&lt;queue&gt;-poison</c>. Empty receives back off exponentially up to maxPollingInterval.
/// On shutdown it stops receiving; in-flight handlers may finish until the host's shutdown timeout, then their messages
/// are made visible again at once, so nothing is lost.
/// </summary>
internal sealed partial class QueueListener
{
    private static readonly TimeSpan ReleaseTimeout = TimeSpan.FromSeconds(5);

    private readonly string _function;
    private readonly ITriggerQueue _queue;
    private readonly ITriggerQueue _poison;
    private readonly QueueHostSettings _settings;
    private readonly QueueListenerOptions _options;
    private readonly FunctionInvoker _invoker;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public QueueListener(
        string function,
        ITriggerQueue queue,
        ITriggerQueue poison,
        QueueHostSettings settings,
        QueueListenerOptions options,
        FunctionInvoker invoker,
        TimeProvider time,
        ILogger logger)
    {
        _function = function;
        _queue = queue;
        _poison = poison;
        _settings = settings;
        _options = options;
        _invoker = invoker;
        _time = time;
        _logger = logger;
    }

    /// <summary>
    /// Polls until <paramref name="stopReceiving"/> is cancelled, then waits for in-flight messages.
    /// <paramref name="abortHandlers"/> is cancelled when in-flight work must give up (the shutdown timeout).
    /// </summary>
    public async Task RunAsync(CancellationToken stopReceiving, CancellationToken abortHandlers)
    {
        var delay = _options.MinPollingInterval;
        var created = false;
        while (!stopReceiving.IsCancellationRequested)
        {
            IReadOnlyList<TriggerQueueMessage> batch;
            try
            {
                if (!created)
                {
                    await _queue.CreateIfNotExistsAsync(stopReceiving).ConfigureAwait(false);
                    created = true;
                }

                batch = await _queue.ReceiveAsync(_settings.BatchSize, _options.MessageLease, stopReceiving).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stopReceiving.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogReceiveFailed(_logger, e, _queue.Name);
                batch = [];
            }

            if (batch.Count == 0)
            {
                if (!await WaitAsync(delay, stopReceiving).ConfigureAwait(false))
                {
                    break;
                }

                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, Math.Max(_settings.MaxPollingInterval.Ticks, _options.MinPollingInterval.Ticks)));
                continue;
            }

            delay = _options.MinPollingInterval;
            await Task.WhenAll(batch.Select(m => ProcessAsync(m, abortHandlers))).ConfigureAwait(false);
        }
    }

    internal async Task ProcessAsync(TriggerQueueMessage message, CancellationToken abortHandlers)
    {
        var receipt = new Receipt(message.PopReceipt);
        if (message.DequeueCount > _settings.MaxDequeueCount)
        {
            // Already tried maxDequeueCount times (e.g. an instance died while handling it): poison without running it again.
            await PoisonAsync(message, receipt).ConfigureAwait(false);
            return;
        }

        using var renewal = CancellationTokenSource.CreateLinkedTokenSource(abortHandlers);
        var renewing = RenewAsync(message, receipt, renewal.Token);
        var handler = _invoker.InvokeQueueAsync(
            new QueueTriggerMessage(_function, message.MessageText, message.MessageId, message.DequeueCount, message.InsertedOn, new InvocationLog()),
            abortHandlers);
        Exception? failure = null;
        try
        {
            await handler.WaitAsync(abortHandlers).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (abortHandlers.IsCancellationRequested)
        {
            await renewal.CancelAsync().ConfigureAwait(false);
            await renewing.ConfigureAwait(false);
            LogReleased(_logger, _function, message.MessageId);
            await SetVisibilitySafelyAsync(message, receipt, TimeSpan.Zero).ConfigureAwait(false);
            return;
        }
        catch (Exception e)
        {
            failure = e;
        }

        await renewal.CancelAsync().ConfigureAwait(false);
        await renewing.ConfigureAwait(false);
        if (failure is null)
        {
            try
            {
                await _queue.DeleteAsync(message.MessageId, receipt.Value, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The message will come back after its lease; handlers are idempotent.
                LogDeleteFailed(_logger, e, _function, message.MessageId);
            }

            return;
        }

        LogHandlerFailed(_logger, failure, _function, message.MessageId, message.DequeueCount, _settings.MaxDequeueCount);
        if (message.DequeueCount >= _settings.MaxDequeueCount)
        {
            await PoisonAsync(message, receipt).ConfigureAwait(false);
        }
        else
        {
            await SetVisibilitySafelyAsync(message, receipt, _settings.VisibilityTimeout).ConfigureAwait(false);
        }
    }

    private async Task RenewAsync(TriggerQueueMessage message, Receipt receipt, CancellationToken stop)
    {
        var half = _options.MessageLease / 2;
        while (await WaitAsync(half, stop).ConfigureAwait(false))
        {
            try
            {
                var next = await _queue.SetVisibilityAsync(message.MessageId, receipt.Value, _options.MessageLease, stop).ConfigureAwait(false);
                receipt.Value = next;
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogRenewFailed(_logger, e, _function, message.MessageId);
            }
        }
    }

    private async Task PoisonAsync(TriggerQueueMessage message, Receipt receipt)
    {
        try
        {
            await _poison.SendAsync(message.MessageText, CancellationToken.None).ConfigureAwait(false);
            await _queue.DeleteAsync(message.MessageId, receipt.Value, CancellationToken.None).ConfigureAwait(false);
            LogPoisoned(_logger, _function, message.MessageId, _poison.Name);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Left in the queue, it comes back with a higher dequeue count and is poisoned then.
            LogPoisonFailed(_logger, e, _function, message.MessageId);
        }
    }

    private async Task SetVisibilitySafelyAsync(TriggerQueueMessage message, Receipt receipt, TimeSpan visibleIn)
    {
        using var timeout = new CancellationTokenSource(ReleaseTimeout);
        try
        {
            receipt.Value = await _queue.SetVisibilityAsync(message.MessageId, receipt.Value, visibleIn, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // The lease then simply runs out and the message becomes visible by itself.
            LogReleaseFailed(_logger, e, _function, message.MessageId);
        }
    }

    private async Task<bool> WaitAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>The current pop receipt: each visibility update issues a new one.</summary>
    private sealed class Receipt(string value)
    {
        private string _value = value;

        public string Value
        {
            get => Volatile.Read(ref _value);
            set => Volatile.Write(ref _value, value);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Receiving from queue {Queue} failed; backing off")]
    private static partial void LogReceiveFailed(ILogger logger, Exception exception, string queue);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Function} failed for message {MessageId} (attempt {DequeueCount} of {MaxDequeueCount})")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string function, string messageId, long dequeueCount, int maxDequeueCount);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Function}: message {MessageId} moved to {PoisonQueue}")]
    private static partial void LogPoisoned(ILogger logger, string function, string messageId, string poisonQueue);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Function}: moving message {MessageId} to its poison queue failed")]
    private static partial void LogPoisonFailed(ILogger logger, Exception exception, string function, string messageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Function}: deleting processed message {MessageId} failed; it will be delivered again")]
    private static partial void LogDeleteFailed(ILogger logger, Exception exception, string function, string messageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Function}: renewing the lease of message {MessageId} failed")]
    private static partial void LogRenewFailed(ILogger logger, Exception exception, string function, string messageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Function}: making message {MessageId} visible again failed; its lease will expire")]
    private static partial void LogReleaseFailed(ILogger logger, Exception exception, string function, string messageId);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Function}: shutdown timeout reached; message {MessageId} made visible again")]
    private static partial void LogReleased(ILogger logger, string function, string messageId);
}
