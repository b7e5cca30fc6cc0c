using System.Text.Json;
using Azure.Data.Tables;
using Petitions.Core.Ports;
using Petitions.Infrastructure.Storage;

namespace Petitions.Infrastructure.Notifications.Cases;

/// <summary>
/// Reads the request rows case handling writes to table <c>Notifications</c> (PartitionKey = notification id,
/// RowKey <c>request</c>; see <c>TableNotificationRequests</c>).
/// </summary>
public sealed class NotificationRequestRows(TableClient table)
{
    private const string RequestRow = "request";

    /// <summary>The request, or null when there is none with that id.</summary>
    public async Task<NotificationRequest?> FindAsync(string notificationId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(notificationId);
        var row = await table.FindAsync(notificationId, RequestRow, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (row is null)
        {
            return null;
        }

        var data = JsonSerializer.Deserialize<Dictionary<string, string>>(row.GetString("Data") ?? "{}") ?? [];
        return new NotificationRequest(
            notificationId,
            row.GetString("CaseId") ?? throw new FormatException($"Notification request {notificationId} has no case."),
            row.GetString("Template") ?? throw new FormatException($"Notification request {notificationId} has no template."),
            Enum.Parse<NotificationAudience>(row.GetString("Audience") ?? nameof(NotificationAudience.Citizen)),
            row.GetString("RecipientId"),
            data);
    }
}
