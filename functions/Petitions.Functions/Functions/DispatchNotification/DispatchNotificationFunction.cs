using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using Petitions.Core.Notifications;
using Petitions.Core.Ports;
using Petitions.Infrastructure.Notifications.Cases;

namespace Petitions.Functions.Functions.DispatchNotification;

/// <summary>
/// Queue <c>%NotificationsQueueName%</c> (<c>{"notificationId"}</c>): sends what case handling requested, exactly
/// once. When the dispatcher says "not before" (quiet hours, retry-after, another dispatcher busy) the id is put back
/// on the queue with a visibility delay until then and this message completes; a duplicate message is a no-op.
/// </summary>
public sealed partial class DispatchNotificationFunction(CaseNotifications notifications, IWorkSender queues, TimeProvider clock, ILogger<DispatchNotificationFunction> logger)
{
    public const string Name = "DispatchNotification";

    /// <summary>Longest visibility delay Azure queues accept.</summary>
    private static readonly TimeSpan MaxDelay = TimeSpan.FromDays(7);

    [Function(Name)]
    public async Task RunAsync([QueueTrigger("%NotificationsQueueName%")] string message, CancellationToken cancellationToken)
    {
        var id = NotificationIdOf(message);
        var outcome = await notifications.DispatchAsync(id, cancellationToken).ConfigureAwait(false);
        LogOutcome(logger, id, outcome.Status);
        if (outcome is { Status: DispatchStatus.Deferred or DispatchStatus.RetryLater or DispatchStatus.Busy, RetryAt: { } at })
        {
            var delay = at - clock.GetUtcNow();
            delay = delay < TimeSpan.Zero ? TimeSpan.Zero : delay > MaxDelay ? MaxDelay : delay;
            await queues.SendAsync(CaseQueues.Notifications, message, delay, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The id in <c>{"notificationId":"…"}</c>; a bad message throws (and ends in the poison queue).</summary>
    internal static string NotificationIdOf(string messageText)
    {
        using var json = JsonDocument.Parse(messageText);
        return json.RootElement.TryGetProperty("notificationId", out var id) && id.GetString() is { Length: > 0 } value
            ? value
            : throw new FormatException("A notifications message carries {\"notificationId\"}.");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Notification {NotificationId}: {Status}")]
    private static partial void LogOutcome(ILogger logger, string notificationId, DispatchStatus status);
}
