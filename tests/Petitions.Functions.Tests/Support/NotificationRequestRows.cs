using System.Text.Json;
using Azure.Data.Tables;
using Petitions.Core.Ports;
using Petitions.Infrastructure.Cases;

namespace Petitions.Functions.Tests.Support;

/// <summary>The notification requests the app recorded (table <c>CaseHandling:Storage:NotificationsTable</c>, rows "request"), read raw.</summary>
public sealed class NotificationRequestRows(TestApp app)
{
    public IReadOnlyList<NotificationRequest> All => Task.Run(ReadAsync).GetAwaiter().GetResult();

    public async Task<IReadOnlyList<NotificationRequest>> ReadAsync()
    {
        var table = new TableClient(app.Host.StorageConnectionString, app.Settings["CaseHandling__Storage__NotificationsTable"]);
        var found = new List<NotificationRequest>();
        await foreach (var row in table.QueryAsync<TableEntity>())
        {
            if (row.RowKey != TableNotificationRequests.RequestRow)
            {
                continue;
            }

            found.Add(new NotificationRequest(
                row.PartitionKey,
                row.GetString("CaseId") ?? string.Empty,
                row.GetString("Template") ?? string.Empty,
                Enum.Parse<NotificationAudience>(row.GetString("Audience") ?? nameof(NotificationAudience.Citizen)),
                row.GetString("RecipientId"),
                JsonSerializer.Deserialize<Dictionary<string, string>>(row.GetString("Data") ?? "{}") ?? []));
        }

        return found;
    }
}
