using Microsoft.Extensions.Logging;
using Petitions.Core.Ports;
using Petitions.Core.Reception;

namespace Petitions.Core.UseCases.Reception;

/// <summary>
/// Timer: every reminder whose instant has passed is requested once (deterministic notification id) and then marked
/// done; a reminder of a cancelled booking or a cancelled session is dropped. A run interrupted between the two
/// steps repeats the request, which the request store ignores.
/// </summary>
public static partial class SendReceptionReminders
{
    /// <summary>Sends due reminders.</summary>
    public sealed partial class Handler(
        ReceptionCalendar calendar,
        IReceptionBookings bookings,
        INotificationRequests notifications,
        ReceptionNotices notices,
        TimeProvider time,
        ILogger<Handler> logger)
    {
        /// <summary>The number of reminders requested.</summary>
        public async Task<int> HandleAsync(CancellationToken cancellationToken = default)
        {
            var sent = 0;
            var sessions = new Dictionary<string, ReceptionOccurrence?>(StringComparer.Ordinal); // one look-up per session per run
            await foreach (var due in bookings.DueRemindersAsync(time.GetUtcNow(), cancellationToken).ConfigureAwait(false))
            {
                if (!sessions.TryGetValue(due.SessionId, out var session))
                {
                    session = await calendar.FindSessionAsync(due.SessionId, cancellationToken).ConfigureAwait(false);
                    sessions[due.SessionId] = session;
                }

                var booking = session is null
                    ? null
                    : (await bookings.ListAsync(due.SessionId, cancellationToken).ConfigureAwait(false)).FirstOrDefault(b => b.Code == due.Code);
                if (session is { TakesPlace: true } && booking is not null)
                {
                    await notifications.RequestAsync(notices.ReminderFor(booking, session), cancellationToken).ConfigureAwait(false);
                    sent++;
                }
                else
                {
                    LogDropped(logger, due.SessionId);
                }

                await bookings.CompleteReminderAsync(due, cancellationToken).ConfigureAwait(false);
            }

            return sent;
        }

        [LoggerMessage(Level = LogLevel.Information, Message = "Reception session {SessionId}: reminder dropped (booking or session cancelled)")]
        private static partial void LogDropped(ILogger logger, string sessionId);
    }
}
