using System.Text.RegularExpressions;
using Petitions.Core.Ports;

namespace Petitions.Infrastructure.Configuration;

/// <summary>
/// The queue names and timer schedules of the function app: flat app settings, read by the triggers as
/// <c>%IntakeQueueName%</c> (the Functions host resolves them) and by the code that sends to those queues through
/// this one class, so that a renamed queue moves senders and trigger together. No defaults: local.settings.json,
/// the infrastructure and the tests each set them, and start-up names any that is missing.
/// </summary>
public sealed partial class TriggerSettings
{
    /// <summary>The outbox relay's queue (<c>RelayOutbox</c>).</summary>
    public string OutboxQueueName { get; set; } = string.Empty;

    /// <summary>The routing queue (<c>ProcessCase</c>).</summary>
    public string IntakeQueueName { get; set; } = string.Empty;

    /// <summary>The escalation queue (<c>FireEscalations</c>).</summary>
    public string EscalationsQueueName { get; set; } = string.Empty;

    /// <summary>The notification queue (<c>DispatchNotification</c>).</summary>
    public string NotificationsQueueName { get; set; } = string.Empty;

    /// <summary>The queue Event Grid writes ACS delivery reports to (<c>ProcessDeliveryReport</c>).</summary>
    public string DeliveryReportsQueueName { get; set; } = string.Empty;

    /// <summary>The queue of verified Zalo webhook events (<c>HandleZaloEvent</c>).</summary>
    public string ZaloEventsQueueName { get; set; } = string.Empty;

    /// <summary>NCRONTAB schedule of <c>EscalationSweep</c>.</summary>
    public string EscalationSweepSchedule { get; set; } = string.Empty;

    /// <summary>NCRONTAB schedule of <c>ReceptionReminders</c>.</summary>
    public string ReceptionRemindersSchedule { get; set; } = string.Empty;

    /// <summary>The real queue name of a logical one (<see cref="CaseQueues"/>).</summary>
    public string QueueName(string logical) => logical switch
    {
        CaseQueues.Outbox => OutboxQueueName,
        CaseQueues.Intake => IntakeQueueName,
        CaseQueues.Escalations => EscalationsQueueName,
        CaseQueues.Notifications => NotificationsQueueName,
        CaseQueues.DeliveryReports => DeliveryReportsQueueName,
        CaseQueues.ZaloEvents => ZaloEventsQueueName,
        _ => throw new ArgumentException($"Unknown queue '{logical}'.", nameof(logical)),
    };

    /// <summary>Every queue the app reads or writes.</summary>
    public IReadOnlyList<string> AllQueues() =>
        [OutboxQueueName, IntakeQueueName, EscalationsQueueName, NotificationsQueueName, DeliveryReportsQueueName, ZaloEventsQueueName];

    /// <summary>Every problem, one sentence each naming the app setting.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        foreach (var (name, value) in new[]
                 {
                     (nameof(OutboxQueueName), OutboxQueueName), (nameof(IntakeQueueName), IntakeQueueName),
                     (nameof(EscalationsQueueName), EscalationsQueueName), (nameof(NotificationsQueueName), NotificationsQueueName),
                     (nameof(DeliveryReportsQueueName), DeliveryReportsQueueName), (nameof(ZaloEventsQueueName), ZaloEventsQueueName),
                 })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                problems.Add($"The app setting {name} is missing: set it to the name of the queue (local.settings.json has the development values).");
            }
            else if (!QueueNamePattern().IsMatch(value) || value.Contains("--", StringComparison.Ordinal))
            {
                problems.Add($"The app setting {name} '{value}' is not a queue name (3–63 lower-case letters, digits or single hyphens).");
            }
        }

        foreach (var (name, value) in new[] { (nameof(EscalationSweepSchedule), EscalationSweepSchedule), (nameof(ReceptionRemindersSchedule), ReceptionRemindersSchedule) })
        {
            if (string.IsNullOrWhiteSpace(value) || value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length != 6)
            {
                problems.Add($"The app setting {name} '{value}' is not a 6-field NCRONTAB schedule (e.g. \"0 */5 * * * *\").");
            }
        }

        return problems;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$", RegexOptions.CultureInvariant)]
    private static partial Regex QueueNamePattern();
}
