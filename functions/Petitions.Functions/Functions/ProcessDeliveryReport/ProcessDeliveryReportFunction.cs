using System.Text;
using System.Text.Json;
using Petitions.Core.Notifications;
using Petitions.Core.Ports;
using Microsoft.Azure.Functions.Worker;
using Petitions.Infrastructure.Notifications;

namespace Petitions.Functions.Functions.ProcessDeliveryReport;

/// <summary>
/// Queue <c>%DeliveryReportsQueueName%</c>: Event Grid writes each <c>Microsoft.Communication.SMSDeliveryReportReceived</c> event
/// here as JSON. The text is accepted plain or base64-encoded (whichever way the producer and the trigger agree on it).
/// A delivered report marks the record; a failed one retries once over the other channel (the dispatcher decides);
/// when that retry must wait, the notification id is put on <c>notifications</c> with the delay.
/// </summary>
public sealed partial class ProcessDeliveryReportFunction(
    INotificationStore records, NotificationDispatcher dispatcher, IWorkSender queues, TimeProvider clock, ILogger<ProcessDeliveryReportFunction> logger)
{
    public const string Name = "ProcessDeliveryReport";

    [Function(Name)]
    public async Task RunAsync([QueueTrigger("%DeliveryReportsQueueName%")] string message, CancellationToken cancellationToken)
    {
        var reports = AcsDeliveryReports.Parse(BinaryData.FromString(EventJson(message)));
        foreach (var report in reports)
        {
            var id = await records.FindByProviderMessageIdAsync(report.ProviderMessageId, cancellationToken).ConfigureAwait(false);
            var outcome = await dispatcher.ApplyDeliveryReportAsync(report, cancellationToken).ConfigureAwait(false);
            LogReport(logger, id ?? "(unknown)", report.Status.ToString(), outcome.Status);
            if (id is not null && outcome is { Status: DispatchStatus.Deferred or DispatchStatus.RetryLater or DispatchStatus.Busy, RetryAt: { } at })
            {
                var delay = at - clock.GetUtcNow();
                await queues.SendAsync(
                    CaseQueues.Notifications, JsonSerializer.Serialize(new { notificationId = id }), delay > TimeSpan.Zero ? delay : TimeSpan.Zero, cancellationToken)
                    .ConfigureAwait(false);
            }
        }
    }

    /// <summary>The event JSON: the text itself when it is JSON, else its base64 decoding.</summary>
    internal static string EventJson(string messageText)
    {
        ArgumentNullException.ThrowIfNull(messageText);
        var trimmed = messageText.TrimStart();
        if (trimmed.StartsWith('{') || trimmed.StartsWith('['))
        {
            return messageText;
        }

        var buffer = new byte[messageText.Length];
        return Convert.TryFromBase64String(messageText.Trim(), buffer, out var written)
            ? Encoding.UTF8.GetString(buffer, 0, written)
            : throw new FormatException("A delivery report is Event Grid JSON, plain or base64-encoded.");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery report for notification {NotificationId}: {Report} → {Status}")]
    private static partial void LogReport(ILogger logger, string notificationId, string report, DispatchStatus status);
}
