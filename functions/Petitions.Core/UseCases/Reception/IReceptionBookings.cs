using Petitions.Core.Reception;

namespace Petitions.Core.UseCases.Reception;

/// <summary>A reminder whose instant has come: the booking it is for and the handle to mark it done.</summary>
/// <param name="SessionId">The session.</param>
/// <param name="Code">The booking code.</param>
/// <param name="At">When it was due.</param>
/// <param name="Handle">Opaque handle (row key and ETag) for <see cref="IReceptionBookings.CompleteReminderAsync"/>.</param>
public sealed record DueReminder(string SessionId, string Code, DateTimeOffset At, string Handle);

/// <summary>
/// Reception bookings (one entity per place: never more bookings than places), the booking-code index (code → session,
/// for cancellation from the SMS link) and the pending reminders.
/// </summary>
public interface IReceptionBookings
{
    /// <summary>Books a place: confirmed, full or refused by the booking rules.</summary>
    Task<BookingOutcome> BookAsync(ReceptionOccurrence session, TimeSpan slotLength, BookingRequest request, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Adds a walk-in: a free place if any, else over capacity.</summary>
    Task<BookingOutcome> AddWalkInAsync(ReceptionOccurrence session, TimeSpan slotLength, BookingRequest request, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Cancels by the code as typed; false when no live booking has it.</summary>
    Task<bool> CancelAsync(string sessionId, string? typedCode, CancellationToken cancellationToken = default);

    /// <summary>Live bookings of a session.</summary>
    Task<IReadOnlyList<ReceptionBooking>> ListAsync(string sessionId, CancellationToken cancellationToken = default);

    /// <summary>Places not taken.</summary>
    Task<int> PlacesLeftAsync(ReceptionOccurrence session, CancellationToken cancellationToken = default);

    /// <summary>Indexes the booking's code and, when <paramref name="remindAt"/> is set, schedules its reminder (idempotent).</summary>
    Task RememberAsync(ReceptionBooking booking, DateTimeOffset? remindAt, CancellationToken cancellationToken = default);

    /// <summary>The session of a booking code as typed, or null.</summary>
    Task<string?> SessionOfAsync(string? typedCode, CancellationToken cancellationToken = default);

    /// <summary>Reminders due at or before <paramref name="now"/>, oldest first.</summary>
    IAsyncEnumerable<DueReminder> DueRemindersAsync(DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Marks a reminder done (removes it if still as read; no error when already gone).</summary>
    Task CompleteReminderAsync(DueReminder reminder, CancellationToken cancellationToken = default);
}
