using Microsoft.Extensions.Logging;
using Petitions.Core.Ports;
using Petitions.Core.Reception;
using Petitions.Core.UseCases.Staff;

namespace Petitions.Core.UseCases.Reception;

/// <summary>
/// The unit's head or deputy cancels one session before it starts (the head is called away and nobody may stand in:
/// from 2026-07-01 the head may not hand reception to a deputy). The cancellation is stored, so the feed publishes the
/// session as CANCELLED with a raised SEQUENCE and the list shows the reason; every booking with a phone gets one SMS;
/// reminders are dropped (the session no longer takes place). Bookings are kept, so that staff can still call people
/// and the dispatcher can still read the phone. Repeating the request repeats nothing: the stored cancellation
/// stands and the notices have deterministic ids.
/// </summary>
public static partial class CancelReceptionSession
{
    /// <summary>The longest reason (it is published in the feed and the SMS names only the date).</summary>
    public const int MaxReasonLength = 200;

    /// <summary>The request.</summary>
    public sealed record Command(string SessionId, string? Reason);

    /// <summary>The answer.</summary>
    /// <param name="SessionId">The session.</param>
    /// <param name="Reason">The published reason (the first cancellation's, when repeated).</param>
    /// <param name="BookingsNotified">Bookings asked to be told by SMS.</param>
    /// <param name="AlreadyCancelled">Whether an earlier request had cancelled it.</param>
    public sealed record Cancelled(string SessionId, string Reason, int BookingsNotified, bool AlreadyCancelled);

    /// <summary>Cancels.</summary>
    public sealed partial class Handler(
        ReceptionCalendar calendar,
        IReceptionSessionChanges changes,
        IReceptionBookings bookings,
        INotificationRequests notifications,
        ReceptionNotices notices,
        TimeProvider time,
        ILogger<Handler> logger)
    {
        /// <summary>Cancels the session.</summary>
        public async Task<StaffReceptionResult> HandleAsync(StaffPrincipal who, Command command, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(who);
            ArgumentNullException.ThrowIfNull(command);
            var session = await calendar.FindSessionAsync(command.SessionId, cancellationToken).ConfigureAwait(false);
            if (session is null)
            {
                return new StaffReceptionResult.NotFound("session");
            }

            if (StaffAccess.Refusal(who, session.UnitId, StaffRight.Direct, calendar.Directory.Chart) is { } why)
            {
                return new StaffReceptionResult.Forbidden(why);
            }

            if (session.Kind == ReceptionKind.Unscheduled)
            {
                return new StaffReceptionResult.Conflict("An unscheduled reception is a record of reception held; it cannot be cancelled.");
            }

            var reason = command.Reason?.Trim();
            if (string.IsNullOrEmpty(reason) || reason.Length > MaxReasonLength)
            {
                return new StaffReceptionResult.Invalid([new Common.FieldError(
                    "reason", "reason.required", $"Give the reason citizens will read (1–{MaxReasonLength} characters).",
                    $"Xin ghi lý do (công dân sẽ đọc được; 1–{MaxReasonLength} ký tự).")]);
            }

            var earlier = (await changes.CancellationsAsync(cancellationToken).ConfigureAwait(false)).FirstOrDefault(c => c.SessionId == session.Id);
            if (earlier is null && session.Status == OccurrenceStatus.Cancelled)
            {
                return new StaffReceptionResult.Conflict($"The session is already cancelled: {session.Reason}.");
            }

            var now = time.GetUtcNow();
            if (earlier is null && now >= session.StartsAt)
            {
                return new StaffReceptionResult.Conflict("The session has started; record what happened instead of cancelling it.");
            }

            var mine = new StoredSessionCancellation(session.Id, new SessionCancellation(session.ScheduleId!, session.OriginalDate, reason), who.StaffId, now);
            var stored = earlier ?? await changes.CancelAsync(mine, cancellationToken).ConfigureAwait(false);
            var cancelled = session with { Status = OccurrenceStatus.Cancelled, Sequence = 1, Reason = stored.Cancellation.Reason };
            var notified = 0;
            foreach (var booking in await bookings.ListAsync(session.Id, cancellationToken).ConfigureAwait(false))
            {
                if (booking.Representatives.Count > 0 && booking.Representatives[0].Phone is not null)
                {
                    await notifications.RequestAsync(notices.SessionCancelledFor(booking, cancelled), cancellationToken).ConfigureAwait(false);
                    notified++;
                }
            }

            LogCancelled(logger, session.Id, notified, stored != mine);
            return new StaffReceptionResult.Done(new Cancelled(session.Id, stored.Cancellation.Reason, notified, stored != mine));
        }

        [LoggerMessage(Level = LogLevel.Information, Message = "Reception session {SessionId} cancelled by staff; {Notified} bookings notified (repeat: {Repeat})")]
        private static partial void LogCancelled(ILogger logger, string sessionId, int notified, bool repeat);
    }
}
