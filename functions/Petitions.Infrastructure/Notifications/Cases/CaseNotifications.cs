using Microsoft.Extensions.Logging;
using Petitions.Core.Notifications;
using Petitions.Core.Ports;
using Petitions.Core.UseCases.Escalations;
using Petitions.Infrastructure.Notifications.Reception;

namespace Petitions.Infrastructure.Notifications.Cases;

/// <summary>
/// Sends what case handling requested: reads the request row, hands staff notifications to <see cref="NotifyStaff"/>
/// (inbox, and for escalations a message or the sweep's digest <c>D-…</c>), and for the
/// citizen creates the dispatch record (once, idempotent by id; it names the recipient as <c>citizen:&lt;caseId&gt;</c>
/// and holds no number) and hands it to the exactly-once <see cref="NotificationDispatcher"/>. A reception booking's
/// request (data <c>contact=receptionBooking</c>) goes to the booking instead: <c>booking:&lt;sessionId&gt;:&lt;code&gt;</c>,
/// resolved from the phone given in the booking, whether or not the booking names a case.
/// </summary>
public sealed partial class CaseNotifications(
    NotificationRequestRows requests,
    ICaseStore cases,
    CaseMessages messages,
    ReceptionBookingMessages bookingMessages,
    INotificationStore records,
    NotificationDispatcher dispatcher,
    NotifyStaff.Handler staff,
    TimeProvider clock,
    ILogger<CaseNotifications> logger)
{
    /// <summary>Handles one <c>notifications</c> message; the outcome's RetryAt says when to try again.</summary>
    public async Task<DispatchOutcome> DispatchAsync(string notificationId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(notificationId);
        if (await records.GetAsync(notificationId, cancellationToken).ConfigureAwait(false) is not null)
        {
            return await dispatcher.DispatchAsync(notificationId, cancellationToken).ConfigureAwait(false);
        }

        if (NotifyStaff.IsDigest(notificationId))
        {
            return await staff.HandleDigestAsync(notificationId, cancellationToken).ConfigureAwait(false);
        }

        var request = await requests.FindAsync(notificationId, cancellationToken).ConfigureAwait(false);
        if (request is null)
        {
            LogNoRequest(logger, notificationId);
            return DispatchOutcome.Of(DispatchStatus.NotFound);
        }

        if (request.Audience != NotificationAudience.Citizen)
        {
            return await staff.HandleRequestAsync(request, cancellationToken).ConfigureAwait(false);
        }

        if (ReceptionBookingMessages.IsForBooking(request))
        {
            return await DispatchToBookingAsync(notificationId, request, cancellationToken).ConfigureAwait(false);
        }

        var stored = await cases.FindAsync(request.CaseId, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            LogNoCase(logger, notificationId, request.CaseId);
            return DispatchOutcome.Of(DispatchStatus.NotFound);
        }

        var message = messages.For(request, stored);
        if (message is null)
        {
            LogNoTemplate(logger, notificationId, request.Template);
            return DispatchOutcome.Of(DispatchStatus.Failed);
        }

        var record = NotificationRecord.ForRecipient(notificationId, CaseNotificationRecipients.Citizen(request.CaseId), message, clock.GetUtcNow());
        await records.CreateAsync(record, cancellationToken).ConfigureAwait(false);
        return await dispatcher.DispatchAsync(notificationId, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DispatchOutcome> DispatchToBookingAsync(string notificationId, NotificationRequest request, CancellationToken cancellationToken)
    {
        var recipient = ReceptionBookingMessages.RecipientOf(request);
        var message = recipient is null ? null : bookingMessages.For(request);
        if (recipient is null || message is null)
        {
            LogNoTemplate(logger, notificationId, request.Template);
            return DispatchOutcome.Of(DispatchStatus.Failed);
        }

        var record = NotificationRecord.ForRecipient(notificationId, recipient, message, clock.GetUtcNow());
        await records.CreateAsync(record, cancellationToken).ConfigureAwait(false);
        return await dispatcher.DispatchAsync(notificationId, cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification {NotificationId}: no request row; message dropped")]
    private static partial void LogNoRequest(ILogger logger, string notificationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification {NotificationId}: case {CaseId} not found; message dropped")]
    private static partial void LogNoCase(ILogger logger, string notificationId, string caseId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification {NotificationId}: template {Template} has no citizen message")]
    private static partial void LogNoTemplate(ILogger logger, string notificationId, string template);
}
