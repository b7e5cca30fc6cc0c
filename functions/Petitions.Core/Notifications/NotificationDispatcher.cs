using Microsoft.Extensions.Logging;

namespace Petitions.Core.Notifications;

/// <summary>
/// Sends one notification exactly once, however often its queue message arrives.
/// <list type="number">
/// <item>Sent or delivered records are never sent again.</item>
/// <item>Before calling a provider the record is marked <see cref="NotificationState.Sending"/> with its
/// ETag: of two racing dispatchers only one gets past this write per read.</item>
/// <item>An attempt whose outcome is unknown (timeout after the provider may have accepted) leaves
/// the record in Sending. The next dispatch repeats it with the same notification id and the same
/// first-attempt time, so a deduplicating provider (ACS repeatability) drops the copy; a channel
/// that does not deduplicate is not called again and the message counts as sent.</item>
/// <item>Each channel is used at most once per notification: ZNS first when it has the template,
/// SMS when the number has no Zalo account, a permanent failure, or a failed delivery report.</item>
/// </list>
/// </summary>
public sealed class NotificationDispatcher
{
    /// <summary>Attempts after which a notification that keeps failing transiently is given up.</summary>
    public const int MaxAttempts = 8;

    private static readonly TimeSpan DefaultRetryDelay = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan BusyDelay = TimeSpan.FromSeconds(30);

    private readonly INotificationStore _store;
    private readonly NotificationChannels _channels;
    private readonly TimeProvider _clock;
    private readonly QuietHours _quietHours;
    private readonly IRecipientResolver? _recipients;
    private readonly ILogger<NotificationDispatcher> _logger;

    public NotificationDispatcher(
        INotificationStore store,
        NotificationChannels channels,
        TimeProvider clock,
        ILogger<NotificationDispatcher> logger,
        QuietHours? quietHours = null,
        IRecipientResolver? recipients = null)
    {
        _store = store;
        _recipients = recipients;
        _channels = channels;
        _clock = clock;
        _logger = logger;
        _quietHours = quietHours ?? QuietHours.Default;
    }

    public async Task<DispatchOutcome> DispatchAsync(string notificationId, CancellationToken cancellationToken)
    {
        var record = await _store.GetAsync(notificationId, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            return DispatchOutcome.Of(DispatchStatus.NotFound);
        }

        // A loop because a channel may hand over to the next one (no Zalo account, permanent failure).
        for (var hop = 0; hop < 3; hop++)
        {
            switch (record.State)
            {
                case NotificationState.Sent or NotificationState.Delivered:
                    return DispatchOutcome.Of(DispatchStatus.AlreadySent);
                case NotificationState.Failed:
                    return DispatchOutcome.Of(DispatchStatus.Failed);
            }

            var now = _clock.GetUtcNow();
            var earliest = _quietHours.EarliestSend(record.DueAt > now ? record.DueAt : now, record.Urgency);
            if (earliest > now)
            {
                return new DispatchOutcome(DispatchStatus.Deferred, earliest);
            }

            var channel = record.Channel is { } current ? _channels.Get(current) : NextChannel(record);
            if (channel is null)
            {
                record = await SaveAsync(record with { State = NotificationState.Failed, Channel = null }, cancellationToken).ConfigureAwait(false);
                _logger.LogWarning("Notification {NotificationId} failed on every channel", notificationId);
                return DispatchOutcome.Of(DispatchStatus.Failed);
            }

            if (record.State == NotificationState.Sending && !channel.DeduplicatesRetries)
            {
                // The earlier attempt may have gone out and this provider would not drop a copy.
                await SaveAsync(record with { State = NotificationState.Sent, SentAt = now, LastError = "outcome-unknown" }, cancellationToken)
                    .ConfigureAwait(false);
                _logger.LogWarning("Notification {NotificationId} counted as sent on {Channel}: earlier attempt outcome unknown", notificationId, channel.Name);
                return DispatchOutcome.Of(DispatchStatus.AlreadySent);
            }

            // The number is read now, for this send only; a record that names its recipient never holds it.
            var to = record.ToE164 ?? (_recipients is null || record.Recipient is null
                ? null
                : await _recipients.ResolveE164Async(record, cancellationToken).ConfigureAwait(false));
            if (to is null)
            {
                await SaveAsync(record with { State = NotificationState.Failed, Channel = null, LastError = "no-recipient" }, cancellationToken)
                    .ConfigureAwait(false);
                _logger.LogWarning("Notification {NotificationId} failed: the recipient has no number", notificationId);
                return DispatchOutcome.Of(DispatchStatus.Failed);
            }

            var sameChannel = record.Channel == channel.Kind && record.ChannelFirstAttemptAt is not null;
            try
            {
                record = await _store.UpdateAsync(
                    record with
                    {
                        State = NotificationState.Sending,
                        Channel = channel.Kind,
                        ChannelsTried = record.ChannelsTried.Contains(channel.Kind) ? record.ChannelsTried : [.. record.ChannelsTried, channel.Kind],
                        Attempts = record.Attempts + 1,
                        ChannelFirstAttemptAt = sameChannel ? record.ChannelFirstAttemptAt : now,
                    },
                    cancellationToken).ConfigureAwait(false);
            }
            catch (NotificationConcurrencyException)
            {
                return new DispatchOutcome(DispatchStatus.Busy, now + BusyDelay);
            }

            SendResult result;
            try
            {
                result = await channel.SendAsync(ToMessage(record, to), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                _logger.LogWarning(
                    "Notification {NotificationId}: outcome unknown on {Channel} after attempt {Attempt} ({Error})",
                    notificationId, channel.Name, record.Attempts, ex.GetType().Name);
                return new DispatchOutcome(DispatchStatus.RetryLater, now + DefaultRetryDelay);
            }

            switch (result.Status)
            {
                case SendStatus.Accepted or SendStatus.AlreadyAccepted:
                    await MarkSentAsync(record, result, now, cancellationToken).ConfigureAwait(false);
                    _logger.LogInformation(
                        "Notification {NotificationId} sent on {Channel} ({Status}, attempt {Attempt})",
                        notificationId, channel.Name, result.Status, record.Attempts);
                    return DispatchOutcome.Of(DispatchStatus.Sent);

                case SendStatus.NoZaloAccount or SendStatus.PermanentFailure:
                    _logger.LogInformation(
                        "Notification {NotificationId}: {Channel} refused ({Error}); trying the next channel",
                        notificationId, channel.Name, result.Error);
                    record = await SaveAsync(
                        record with { State = NotificationState.Pending, Channel = null, ChannelFirstAttemptAt = null, LastError = result.Error },
                        cancellationToken).ConfigureAwait(false);
                    continue;

                default:
                    var giveUp = record.Attempts >= MaxAttempts;
                    await SaveAsync(
                        record with { State = giveUp ? NotificationState.Failed : NotificationState.Pending, LastError = result.Error },
                        cancellationToken).ConfigureAwait(false);
                    _logger.LogWarning(
                        "Notification {NotificationId}: transient failure on {Channel} ({Error}), attempt {Attempt}",
                        notificationId, channel.Name, result.Error, record.Attempts);
                    return giveUp
                        ? DispatchOutcome.Of(DispatchStatus.Failed)
                        : new DispatchOutcome(DispatchStatus.RetryLater, now + (result.RetryAfter ?? DefaultRetryDelay));
            }
        }

        return new DispatchOutcome(DispatchStatus.RetryLater, _clock.GetUtcNow() + DefaultRetryDelay);
    }

    /// <summary>
    /// Records a delivery report. A failed delivery of the current message is retried once over the
    /// other channel (if configured and not tried yet); otherwise the notification is failed.
    /// </summary>
    public async Task<DispatchOutcome> ApplyDeliveryReportAsync(DeliveryReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        var id = await _store.FindByProviderMessageIdAsync(report.ProviderMessageId, cancellationToken).ConfigureAwait(false);
        var record = id is null ? null : await _store.GetAsync(id, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            return DispatchOutcome.Of(DispatchStatus.NotFound);
        }

        if (record.ProviderMessageId != report.ProviderMessageId || record.State is not (NotificationState.Sent or NotificationState.Delivered))
        {
            // A late report about an earlier channel's message, or the record moved on: nothing to do.
            return DispatchOutcome.Of(DispatchStatus.Recorded);
        }

        if (report.Delivered)
        {
            if (record.State != NotificationState.Delivered)
            {
                await SaveAsync(record with { State = NotificationState.Delivered, DeliveredAt = report.ReceivedAt }, cancellationToken)
                    .ConfigureAwait(false);
            }

            _logger.LogInformation("Notification {NotificationId} delivered", record.NotificationId);
            return DispatchOutcome.Of(DispatchStatus.Recorded);
        }

        _logger.LogWarning("Notification {NotificationId} not delivered ({Status})", record.NotificationId, report.Status);
        var next = NextChannel(record);
        if (next is null)
        {
            await SaveAsync(record with { State = NotificationState.Failed, LastError = "delivery-" + report.Status }, cancellationToken)
                .ConfigureAwait(false);
            return DispatchOutcome.Of(DispatchStatus.Failed);
        }

        await SaveAsync(
            record with
            {
                State = NotificationState.Pending,
                Channel = null,
                ChannelFirstAttemptAt = null,
                ProviderMessageId = null,
                SentAt = null,
                LastError = "delivery-" + report.Status,
            },
            cancellationToken).ConfigureAwait(false);
        return await DispatchAsync(record.NotificationId, cancellationToken).ConfigureAwait(false);
    }

    private INotificationChannel? NextChannel(NotificationRecord record) =>
        _channels.InOrder(record.TemplateKey).FirstOrDefault(c => !record.ChannelsTried.Contains(c.Kind));

    private static OutgoingMessage ToMessage(NotificationRecord record, string toE164) => new(
        record.NotificationId,
        toE164,
        record.Text,
        record.TemplateKey,
        record.TemplateData,
        record.TemplateKey,
        record.ChannelFirstAttemptAt ?? throw new InvalidOperationException("A sending record has a first-attempt time."));

    private async Task MarkSentAsync(NotificationRecord record, SendResult result, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var current = record;
        while (true)
        {
            if (current.State is NotificationState.Sent or NotificationState.Delivered)
            {
                return;
            }

            try
            {
                await _store.UpdateAsync(
                    current with
                    {
                        State = NotificationState.Sent,
                        ProviderMessageId = result.ProviderMessageId ?? current.ProviderMessageId,
                        SentAt = now,
                        LastError = null,
                    },
                    cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (NotificationConcurrencyException)
            {
                current = await _store.GetAsync(record.NotificationId, cancellationToken).ConfigureAwait(false)
                    ?? throw new InvalidOperationException("A notification record disappeared.");
            }
        }
    }

    private Task<NotificationRecord> SaveAsync(NotificationRecord record, CancellationToken cancellationToken) =>
        _store.UpdateAsync(record, cancellationToken);
}
