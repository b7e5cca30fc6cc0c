using Petitions.Functions.Runtime.Registry;

namespace Petitions.Functions.Runtime;

/// <summary>Runs a registered queue or timer handler in its own DI scope; shared by host mode and standalone.</summary>
internal sealed partial class FunctionInvoker(IServiceScopeFactory scopes, FunctionRegistry registry, ILogger<FunctionInvoker> logger)
{
    public async Task InvokeQueueAsync(QueueTriggerMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var type = registry.QueueFunctions.TryGetValue(message.FunctionName, out var t)
            ? t
            : throw new InvalidOperationException($"No queue handler is registered for '{message.FunctionName}'.");
        var scope = scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            var handler = (IQueueFunction)scope.ServiceProvider.GetRequiredService(type);
            LogStart(logger, message.FunctionName, message.MessageId, message.DequeueCount);
            await handler.RunAsync(message, cancellationToken).ConfigureAwait(false);
        }

        WriteLines(message.FunctionName, message.Log);
    }

    public async Task InvokeTimerAsync(TimerTriggerInfo timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        var type = registry.TimerFunctions.TryGetValue(timer.FunctionName, out var t)
            ? t
            : throw new InvalidOperationException($"No timer handler is registered for '{timer.FunctionName}'.");
        var scope = scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            var handler = (ITimerFunction)scope.ServiceProvider.GetRequiredService(type);
            LogTimer(logger, timer.FunctionName, timer.IsPastDue);
            await handler.RunAsync(timer, cancellationToken).ConfigureAwait(false);
        }

        WriteLines(timer.FunctionName, timer.Log);
    }

    private void WriteLines(string function, InvocationLog log)
    {
        foreach (var line in log.Lines)
        {
            LogLine(logger, function, line);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Executing {Function} for message {MessageId} (dequeue count {DequeueCount})")]
    private static partial void LogStart(ILogger logger, string function, string messageId, long dequeueCount);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Executing timer {Function} (past due: {IsPastDue})")]
    private static partial void LogTimer(ILogger logger, string function, bool isPastDue);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Function}: {Line}")]
    private static partial void LogLine(ILogger logger, string function, string line);
}
