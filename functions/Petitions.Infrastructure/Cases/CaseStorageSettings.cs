using System.Text.RegularExpressions;

namespace Petitions.Infrastructure.Cases;

/// <summary>Table and queue names of case handling (section <c>CaseHandling:Storage</c>; the defaults are the documented names).</summary>
public sealed partial class CaseStorageSettings
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "CaseHandling:Storage";

    /// <summary>One partition per case: case, events, outbox.</summary>
    public string CasesTable { get; set; } = "Cases";

    /// <summary>Index partitions kept by the relay.</summary>
    public string IndexTable { get; set; } = "CaseIndex";

    /// <summary>Idempotency keys and flood counters of the intake.</summary>
    public string GuardsTable { get; set; } = "IntakeGuards";

    /// <summary>Notification requests.</summary>
    public string NotificationsTable { get; set; } = "Notifications";

    /// <summary>Queue of the outbox relay.</summary>
    public string OutboxQueue { get; set; } = "case-outbox";

    /// <summary>Queue of routing.</summary>
    public string IntakeQueue { get; set; } = "case-intake";

    /// <summary>Queue of escalations.</summary>
    public string EscalationsQueue { get; set; } = "escalations";

    /// <summary>Queue of notifications.</summary>
    public string NotificationsQueue { get; set; } = "notifications";

    /// <summary>The real queue name of a logical one (<see cref="Core.Ports.CaseQueues"/>).</summary>
    public string QueueName(string logical) => logical switch
    {
        Core.Ports.CaseQueues.Outbox => OutboxQueue,
        Core.Ports.CaseQueues.Intake => IntakeQueue,
        Core.Ports.CaseQueues.Escalations => EscalationsQueue,
        Core.Ports.CaseQueues.Notifications => NotificationsQueue,
        _ => throw new ArgumentException($"Unknown queue '{logical}'.", nameof(logical)),
    };

    /// <summary>Every problem with the names.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        foreach (var (name, value) in new[] { (nameof(CasesTable), CasesTable), (nameof(IndexTable), IndexTable), (nameof(GuardsTable), GuardsTable), (nameof(NotificationsTable), NotificationsTable) })
        {
            if (value is null || !TableName().IsMatch(value))
            {
                problems.Add($"{SectionName}:{name} '{value}' is not a table name (3–63 letters or digits, starting with a letter).");
            }
        }

        foreach (var (name, value) in new[] { (nameof(OutboxQueue), OutboxQueue), (nameof(IntakeQueue), IntakeQueue), (nameof(EscalationsQueue), EscalationsQueue), (nameof(NotificationsQueue), NotificationsQueue) })
        {
            if (value is null || !QueueNamePattern().IsMatch(value) || value.Contains("--", StringComparison.Ordinal))
            {
                problems.Add($"{SectionName}:{name} '{value}' is not a queue name (3–63 lower-case letters, digits or single hyphens).");
            }
        }

        return problems;
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex TableName();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$", RegexOptions.CultureInvariant)]
    private static partial Regex QueueNamePattern();
}
