using System.Globalization;
using Azure.Data.Tables;
using Petitions.Core.Ports;
using Petitions.Infrastructure.Storage;

namespace Petitions.Infrastructure.Cases;

/// <summary>
/// Table <c>IntakeGuards</c>: idempotency keys (PartitionKey <c>idem-{keyed hash}</c>, bound to a case id by the first
/// insert) and fixed-window flood counters (PartitionKey <c>rate-{bucket}</c>, RowKey the window start, updated
/// with the ETag so that concurrent letters are all counted).
/// </summary>
public sealed class TableIntakeGuards(TableClient table) : IIntakeGuards
{
    private const string KeyRow = "key";
    private const int MaxAttempts = 8;

    private readonly TableClient _table = table ?? throw new ArgumentNullException(nameof(table));

    /// <inheritdoc />
    public async Task<IdempotencyReservation> ReserveAsync(string keyHash, string requestFingerprint, string proposedCaseId, CancellationToken cancellationToken = default)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            try
            {
                await _table.InsertAsync(
                    new TableEntity("idem-" + keyHash, KeyRow) { ["CaseId"] = proposedCaseId, ["Fingerprint"] = requestFingerprint },
                    cancellationToken).ConfigureAwait(false);
                return new IdempotencyReservation(proposedCaseId, requestFingerprint, IsNew: true);
            }
            catch (EntityAlreadyExistsException)
            {
                var existing = await _table.FindAsync("idem-" + keyHash, KeyRow, cancellationToken: cancellationToken).ConfigureAwait(false);
                if (existing is not null)
                {
                    return new IdempotencyReservation(existing.GetString("CaseId")!, existing.GetString("Fingerprint")!, IsNew: false);
                }
            }
        }

        throw new InvalidOperationException("The idempotency key could not be reserved.");
    }

    /// <inheritdoc />
    public async Task ReleaseAsync(string keyHash, string caseId, CancellationToken cancellationToken = default)
    {
        var existing = await _table.FindAsync("idem-" + keyHash, KeyRow, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (existing is not null && existing.GetString("CaseId") == caseId)
        {
            try
            {
                await _table.RemoveAsync(existing.PartitionKey, existing.RowKey, existing.ETag, cancellationToken).ConfigureAwait(false);
            }
            catch (ConcurrencyConflictException)
            {
                // Rebound meanwhile: leave it.
            }
        }
    }

    /// <inheritdoc />
    public async Task<TimeSpan?> CountAsync(string bucket, int limit, TimeSpan window, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(bucket);
        var start = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % window.Ticks), TimeSpan.Zero);
        var retryAfter = start + window - now;
        var partition = "rate-" + bucket;
        var row = start.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var counter = await _table.FindAsync(partition, row, cancellationToken: cancellationToken).ConfigureAwait(false);
            try
            {
                if (counter is null)
                {
                    await _table.InsertAsync(new TableEntity(partition, row) { ["Count"] = 1 }, cancellationToken).ConfigureAwait(false);
                    return null;
                }

                var count = counter.GetInt32("Count") ?? 0;
                if (count >= limit)
                {
                    return retryAfter;
                }

                await _table.UpdateIfMatchAsync(new TableEntity(partition, row) { ["Count"] = count + 1 }, counter.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                return null;
            }
            catch (Exception e) when (e is EntityAlreadyExistsException or ConcurrencyConflictException)
            {
                // Another letter counted at the same moment: read again.
            }
        }

        // Contention this high is itself a flood.
        return retryAfter;
    }
}
