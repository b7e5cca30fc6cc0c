using Petitions.Core.UseCases.Reception;
using Petitions.Infrastructure.Reception;

namespace Petitions.Functions.Functions.Reception;

/// <summary>The session-changes store, creating its table on first use (the app starts even when storage is not up yet).</summary>
internal sealed class ReceptionSessionChangesOnDemand(TableReceptionSessionChanges store) : IReceptionSessionChanges
{
    private readonly TableOnDemand _table = new(store.CreateTableIfNotExistsAsync);

    public async Task<IReadOnlyList<StoredSessionCancellation>> CancellationsAsync(CancellationToken cancellationToken = default)
    {
        await _table.ReadyAsync(cancellationToken).ConfigureAwait(false);
        return await store.CancellationsAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<StoredSessionCancellation> CancelAsync(StoredSessionCancellation cancellation, CancellationToken cancellationToken = default)
    {
        await _table.ReadyAsync(cancellationToken).ConfigureAwait(false);
        return await store.CancelAsync(cancellation, cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> AddUnscheduledAsync(UnscheduledRecord record, CancellationToken cancellationToken = default)
    {
        await _table.ReadyAsync(cancellationToken).ConfigureAwait(false);
        return await store.AddUnscheduledAsync(record, cancellationToken).ConfigureAwait(false);
    }

    public async Task<UnscheduledRecord?> FindUnscheduledAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        await _table.ReadyAsync(cancellationToken).ConfigureAwait(false);
        return await store.FindUnscheduledAsync(sessionId, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<UnscheduledRecord>> UnscheduledAsync(string unitId, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        await _table.ReadyAsync(cancellationToken).ConfigureAwait(false);
        return await store.UnscheduledAsync(unitId, from, to, cancellationToken).ConfigureAwait(false);
    }
}
