using System.Text.Json;
using Azure.Data.Tables;
using Petitions.Core.Ports;
using Petitions.Infrastructure.Storage;

namespace Petitions.Infrastructure.Cases;

/// <summary>
/// Table <c>Notifications</c> (PartitionKey = notification id, RowKey "request") and queue <c>notifications</c>
/// (message <c>{"notificationId"}</c>). A repeated request finds the row (409, ignored) and enqueues the id again;
/// the dispatcher treats a second message for a sent notification as done.
/// </summary>
public sealed class TableNotificationRequests(TableClient table, IWorkSender sender) : INotificationRequests
{
    /// <summary>RowKey of the request row.</summary>
    public const string RequestRow = "request";

    private readonly TableClient _table = table ?? throw new ArgumentNullException(nameof(table));
    private readonly IWorkSender _sender = sender ?? throw new ArgumentNullException(nameof(sender));

    /// <inheritdoc />
    public async Task RequestAsync(NotificationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var row = new TableEntity(request.NotificationId, RequestRow)
        {
            ["CaseId"] = request.CaseId,
            ["Template"] = request.Template,
            ["Audience"] = request.Audience.ToString(),
            ["RecipientId"] = request.RecipientId,
            ["Data"] = JsonSerializer.Serialize(request.Data, CaseJson.Options),
        };
        try
        {
            await _table.InsertAsync(row, cancellationToken).ConfigureAwait(false);
        }
        catch (EntityAlreadyExistsException)
        {
            // Requested before (a relay retry): the same id, nothing new to store.
        }

        await _sender.SendAsync(
            CaseQueues.Notifications, JsonSerializer.Serialize(new { notificationId = request.NotificationId }), null, cancellationToken).ConfigureAwait(false);
    }
}
