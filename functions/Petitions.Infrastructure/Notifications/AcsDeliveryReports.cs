using Azure.Messaging.EventGrid;
using Azure.Messaging.EventGrid.SystemEvents;
using Petitions.Core.Notifications;

namespace Petitions.Infrastructure.Notifications;

/// <summary>
/// Reads Event Grid <c>Microsoft.Communication.SMSDeliveryReportReceived</c> events (an array, as Event
/// Grid posts them or as routed to a queue) into <see cref="DeliveryReport"/>s; other event types are skipped.
/// </summary>
public static class AcsDeliveryReports
{
    public const string EventType = "Microsoft.Communication.SMSDeliveryReportReceived";

    public static IReadOnlyList<DeliveryReport> Parse(BinaryData events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var reports = new List<DeliveryReport>();
        foreach (var gridEvent in EventGridEvent.ParseMany(events))
        {
            if (gridEvent.EventType == EventType && gridEvent.TryGetSystemEventData(out var data)
                && data is AcsSmsDeliveryReportReceivedEventData report && report.MessageId is { } messageId)
            {
                var delivered = string.Equals(report.DeliveryStatus, "Delivered", StringComparison.OrdinalIgnoreCase);
                reports.Add(new DeliveryReport(
                    ChannelKind.Sms, messageId, delivered, report.DeliveryStatus ?? "Unknown", report.ReceivedTimestamp ?? gridEvent.EventTime));
            }
        }

        return reports;
    }
}
