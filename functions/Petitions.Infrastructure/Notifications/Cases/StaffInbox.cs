using System.Text.Json;
using Azure.Data.Tables;
using Petitions.Core.Ports;
using Petitions.Infrastructure.Storage;

namespace Petitions.Infrastructure.Notifications.Cases;

/// <summary>One staff notification as kept in the inbox (no personal data: ids, template, tracking code, dates).</summary>
public sealed record StaffInboxItem(string NotificationId, string StaffId, string CaseId, string Template, string Audience, IReadOnlyDictionary<string, string> Data, DateTimeOffset At);

/// <summary>
/// Staff notifications (officer, head, supervisor) go to an inbox, not to a phone: staff have no numbers in the
/// organisation data, and what they need (assignments, escalations) is work in the application. Rows live in table
/// <c>Notifications</c>, partition <c>staff-&lt;staffId&gt;</c> (one partition per staff member, so an inbox is one
/// partition query), row = notification id (a repeat overwrites the same row: idempotent).
/// </summary>
public sealed class StaffInbox(TableClient table, TimeProvider clock)
{
    /// <summary>Partition prefix of the inbox rows.</summary>
    public const string PartitionPrefix = "staff-";

    /// <summary>Adds the request to the staff member's inbox (safe to repeat).</summary>
    public async Task AddAsync(NotificationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var staffId = request.RecipientId ?? throw new ArgumentException("A staff notification names its recipient.", nameof(request));
        var existing = await table.FindAsync(PartitionPrefix + staffId, request.NotificationId, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (existing is not null)
        {
            return;
        }

        var row = new TableEntity(PartitionPrefix + staffId, request.NotificationId)
        {
            ["CaseId"] = request.CaseId,
            ["Template"] = request.Template,
            ["Audience"] = request.Audience.ToString(),
            ["Data"] = JsonSerializer.Serialize(request.Data),
            ["At"] = clock.GetUtcNow(),
        };
        await table.WriteAsync(row, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A staff member's inbox, oldest first.</summary>
    public async Task<IReadOnlyList<StaffInboxItem>> ListAsync(string staffId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(staffId);
        var items = new List<StaffInboxItem>();
        await foreach (var row in table.RowsAsync(TableClient.CreateQueryFilter($"PartitionKey eq {PartitionPrefix + staffId}"), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            items.Add(new StaffInboxItem(
                row.RowKey, staffId, row.GetString("CaseId") ?? string.Empty, row.GetString("Template") ?? string.Empty,
                row.GetString("Audience") ?? string.Empty,
                JsonSerializer.Deserialize<Dictionary<string, string>>(row.GetString("Data") ?? "{}") ?? [],
                row.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue));
        }

        return [.. items.OrderBy(i => i.At)];
    }
}
