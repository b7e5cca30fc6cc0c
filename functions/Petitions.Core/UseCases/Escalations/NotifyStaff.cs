using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Petitions.Core.LegalClock;
using Petitions.Core.Notifications;
using Petitions.Core.Organisation;
using Petitions.Core.Ports;

namespace Petitions.Core.UseCases.Escalations;

/// <summary>
/// A staff notification requested by case handling: it always goes to the person's inbox; an escalation also goes
/// out by message through the same exactly-once <see cref="NotificationDispatcher"/> as the citizens' (ACS SMS, ZNS
/// with SMS fallback, the development sink), to the work phone in the organisation data (<c>staff:&lt;id&gt;</c>,
/// resolved at send time). Escalations of one sweep are gathered into one message per person: each item schedules the
/// digest <c>D-&lt;sweep&gt;-&lt;staffId&gt;</c> a little later, and the digest, created once, names what that sweep
/// put in the inbox (one item: the case, what is asked, the due date and <c>{base}/s/&lt;code&gt;</c>; several: the
/// counts and <c>{base}/s</c>). The digest waits <see cref="Common.CaseHandlingSettings.StaffDigestDelay"/> (30 s) for
/// the rest of its sweep: the sweep enqueues its cases at once and each is fired in well under a second; an item that
/// comes later is in the inbox but not in the message. Redelivery is a no-op: the inbox add and the record are keyed by id.
/// </summary>
public static partial class NotifyStaff
{
    /// <summary>Prefix of a digest's notification id.</summary>
    public const string DigestPrefix = "D-";

    /// <summary>Recipient reference of a member of staff (resolved to the work phone at send time).</summary>
    public static string Recipient(string staffId) => "staff:" + staffId;

    /// <summary>The digest of a person's items of one sweep.</summary>
    public static string DigestId(string sweep, string staffId) => $"{DigestPrefix}{sweep}-{staffId}";

    /// <summary>True for a digest id.</summary>
    public static bool IsDigest(string notificationId) =>
        notificationId?.StartsWith(DigestPrefix, StringComparison.Ordinal) == true;

    /// <summary>The notifications queue message of an id.</summary>
    public static string MessageFor(string notificationId) => JsonSerializer.Serialize(new { notificationId });

    /// <summary>The inbox item of a staff request.</summary>
    public static InboxItem ItemOf(NotificationRequest request, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(request);
        var staffId = request.RecipientId ?? throw new ArgumentException("A staff notification names its recipient.", nameof(request));
        var due = request.Data.GetValueOrDefault("due");
        return new InboxItem(
            request.NotificationId,
            staffId,
            request.Template.StartsWith("escalation.", StringComparison.Ordinal) ? InboxItemKinds.Escalation : InboxItemKinds.Notice,
            request.CaseId,
            request.Template,
            request.Data.GetValueOrDefault("rung"),
            due is null ? null : DateOnly.ParseExact(due, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            at,
            new Dictionary<string, string>(request.Data) { ["audience"] = request.Audience.ToString() });
    }

    /// <summary>What a staff message says about an escalation item.</summary>
    public static StaffNoticeFacts FactsOf(InboxItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new StaffNoticeFacts(
            item.CaseId,
            item.Rung ?? string.Empty,
            item.Due ?? VietnamDate.Of(item.At),
            item.Data.GetValueOrDefault("headSeen") is { } seen ? seen == "true" : null,
            item.Data.GetValueOrDefault("apology") is { } n && int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null);
    }

    /// <summary>Handles staff requests and digests.</summary>
    public sealed partial class Handler(
        IStaffInbox inbox,
        INotificationStore records,
        NotificationDispatcher dispatcher,
        IWorkSender queue,
        OrganisationChart chart,
        StaffNotices notices,
        Common.CaseHandlingSettings settings,
        TimeProvider time,
        ILogger<Handler> logger)
    {
        /// <summary>Files the request in the inbox and, for an escalation to someone with a work phone, sends it (or its sweep's digest).</summary>
        public async Task<DispatchOutcome> HandleRequestAsync(NotificationRequest request, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(request);
            var now = time.GetUtcNow();
            var item = ItemOf(request, now);
            await inbox.AddAsync(item, cancellationToken).ConfigureAwait(false);
            LogFiled(logger, request.NotificationId, request.CaseId, request.Audience.ToString());
            if (item.Kind != InboxItemKinds.Escalation || chart.FindStaff(item.StaffId)?.Contact.WorkPhone is null)
            {
                return DispatchOutcome.Of(DispatchStatus.Recorded);
            }

            if (item.Sweep is { } sweep)
            {
                // Every item of the sweep asks for the digest; the digest record is created once, so the repeats are no-ops.
                await queue.SendAsync(CaseQueues.Notifications, MessageFor(DigestId(sweep, item.StaffId)), settings.StaffDigestDelay, cancellationToken).ConfigureAwait(false);
                return DispatchOutcome.Of(DispatchStatus.Recorded);
            }

            var record = NotificationRecord.ForRecipient(request.NotificationId, Recipient(item.StaffId), notices.ForOne(FactsOf(item)), now);
            await records.CreateAsync(record, cancellationToken).ConfigureAwait(false);
            return await dispatcher.DispatchAsync(request.NotificationId, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Sends a person's one message for a sweep (created once; a repeat dispatches the same record).</summary>
        public async Task<DispatchOutcome> HandleDigestAsync(string digestId, CancellationToken cancellationToken = default)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(digestId);
            if (await records.GetAsync(digestId, cancellationToken).ConfigureAwait(false) is null)
            {
                var rest = digestId[DigestPrefix.Length..];
                var dash = rest.IndexOf('-', StringComparison.Ordinal);
                if (!IsDigest(digestId) || dash <= 0)
                {
                    return DispatchOutcome.Of(DispatchStatus.NotFound);
                }

                var (sweep, staffId) = (rest[..dash], rest[(dash + 1)..]);
                var page = await inbox.ListAsync(staffId, unreadOnly: false, take: 100, continuation: null, cancellationToken).ConfigureAwait(false);
                var items = page.Items.Where(i => i.Kind == InboxItemKinds.Escalation && i.Sweep == sweep).OrderBy(i => i.At).ToList();
                if (items.Count == 0)
                {
                    LogEmptyDigest(logger, digestId);
                    return DispatchOutcome.Of(DispatchStatus.NotFound);
                }

                var now = time.GetUtcNow();
                var message = notices.Digest([.. items.Select(FactsOf)], VietnamDate.Of(now));
                await records.CreateAsync(NotificationRecord.ForRecipient(digestId, Recipient(staffId), message, now), cancellationToken).ConfigureAwait(false);
                LogDigest(logger, digestId, items.Count);
            }

            return await dispatcher.DispatchAsync(digestId, cancellationToken).ConfigureAwait(false);
        }

        [LoggerMessage(Level = LogLevel.Information, Message = "Notification {NotificationId} for case {CaseId} filed in the {Audience}'s inbox")]
        private static partial void LogFiled(ILogger logger, string notificationId, string caseId, string audience);

        [LoggerMessage(Level = LogLevel.Information, Message = "Digest {NotificationId}: {Count} item(s) of the sweep in one message")]
        private static partial void LogDigest(ILogger logger, string notificationId, int count);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Digest {NotificationId}: no item of its sweep in the inbox; nothing sent")]
        private static partial void LogEmptyDigest(ILogger logger, string notificationId);
    }
}
