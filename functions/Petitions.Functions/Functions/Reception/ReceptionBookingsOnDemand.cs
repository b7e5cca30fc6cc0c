using Petitions.Core.Reception;
using Petitions.Core.UseCases.Reception;
using Petitions.Infrastructure.Reception;

namespace Petitions.Functions.Functions.Reception;

/// <summary>The booking store, creating its table on first use (the app starts even when storage is not up yet).</summary>
internal sealed class ReceptionBookingsOnDemand(TableReceptionBookingStore store) : IReceptionBookings
{
    private readonly TableOnDemand _table = new(store.CreateTableIfNotExistsAsync);

    public async Task<BookingOutcome> BookAsync(ReceptionOccurrence session, TimeSpan slotLength, BookingRequest request, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        await (await Ready(cancellationToken).ConfigureAwait(false)).BookAsync(session, slotLength, request, now, cancellationToken).ConfigureAwait(false);

    public async Task<BookingOutcome> AddWalkInAsync(ReceptionOccurrence session, TimeSpan slotLength, BookingRequest request, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        await (await Ready(cancellationToken).ConfigureAwait(false)).AddWalkInAsync(session, slotLength, request, now, cancellationToken).ConfigureAwait(false);

    public async Task<bool> CancelAsync(string sessionId, string? typedCode, CancellationToken cancellationToken = default) =>
        await (await Ready(cancellationToken).ConfigureAwait(false)).CancelAsync(sessionId, typedCode, cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<ReceptionBooking>> ListAsync(string sessionId, CancellationToken cancellationToken = default) =>
        await (await Ready(cancellationToken).ConfigureAwait(false)).ListAsync(sessionId, cancellationToken).ConfigureAwait(false);

    public async Task<int> PlacesLeftAsync(ReceptionOccurrence session, CancellationToken cancellationToken = default) =>
        await (await Ready(cancellationToken).ConfigureAwait(false)).PlacesLeftAsync(session, cancellationToken).ConfigureAwait(false);

    public async Task RememberAsync(ReceptionBooking booking, DateTimeOffset? remindAt, CancellationToken cancellationToken = default) =>
        await (await Ready(cancellationToken).ConfigureAwait(false)).RememberAsync(booking, remindAt, cancellationToken).ConfigureAwait(false);

    public async Task<string?> SessionOfAsync(string? typedCode, CancellationToken cancellationToken = default) =>
        await (await Ready(cancellationToken).ConfigureAwait(false)).SessionOfAsync(typedCode, cancellationToken).ConfigureAwait(false);

    public async IAsyncEnumerable<DueReminder> DueRemindersAsync(DateTimeOffset now, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var ready = await Ready(cancellationToken).ConfigureAwait(false);
        await foreach (var due in ready.DueRemindersAsync(now, cancellationToken).ConfigureAwait(false))
        {
            yield return due;
        }
    }

    public async Task CompleteReminderAsync(DueReminder reminder, CancellationToken cancellationToken = default) =>
        await (await Ready(cancellationToken).ConfigureAwait(false)).CompleteReminderAsync(reminder, cancellationToken).ConfigureAwait(false);

    private async Task<TableReceptionBookingStore> Ready(CancellationToken cancellationToken)
    {
        await _table.ReadyAsync(cancellationToken).ConfigureAwait(false);
        return store;
    }
}
