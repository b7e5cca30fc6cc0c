using System.Text.RegularExpressions;

namespace Petitions.Infrastructure.Cases;

/// <summary>
/// Table names of case handling (section <c>CaseHandling:Storage</c>; the defaults are the documented names). The queue
/// names are flat app settings shared with the triggers (<see cref="Configuration.TriggerSettings"/>).
/// </summary>
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

    /// <summary>The reporting store, a projection of the case events (docs/reports.md).</summary>
    public string ReportsTable { get; set; } = "Reports";

    /// <summary>The private blob container of attached files (never public; read through the app only).</summary>
    public string AttachmentsContainer { get; set; } = "attachments";

    /// <summary>Every problem with the names.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        foreach (var (name, value) in new[] { (nameof(CasesTable), CasesTable), (nameof(IndexTable), IndexTable), (nameof(GuardsTable), GuardsTable), (nameof(NotificationsTable), NotificationsTable), (nameof(ReportsTable), ReportsTable) })
        {
            if (value is null || !TableName().IsMatch(value))
            {
                problems.Add($"{SectionName}:{name} '{value}' is not a table name (3–63 letters or digits, starting with a letter).");
            }
        }

        if (AttachmentsContainer is null || !ContainerName().IsMatch(AttachmentsContainer) || AttachmentsContainer.Contains("--", StringComparison.Ordinal))
        {
            problems.Add($"{SectionName}:{nameof(AttachmentsContainer)} '{AttachmentsContainer}' is not a blob container name (3–63 lower-case letters, digits or single hyphens, starting with a letter or digit).");
        }

        return problems;
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex TableName();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$", RegexOptions.CultureInvariant)]
    private static partial Regex ContainerName();
}
