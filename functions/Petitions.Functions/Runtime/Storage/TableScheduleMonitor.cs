using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Petitions.Functions.Runtime.Standalone;
using Petitions.Infrastructure.Storage;

namespace Petitions.Functions.Runtime.Storage;

/// <summary>
/// Timer schedule status in a table (default <c>Leases</c>): partition <c>timers</c>, row = function name, with
/// <c>Last</c>, <c>Next</c>, <c>LastUpdated</c>. Every write is conditional — insert when absent, If-Match the ETag
/// read otherwise — so of two instances claiming the same tick exactly one succeeds.
/// </summary>
internal sealed class TableScheduleMonitor(StorageAccount account, IOptions<TimerOptions> options) : IScheduleMonitor
{
    public const string Partition = "timers";

    private readonly TableClient _table = account.GetTableClient(options.Value.LeaseTable);
    private int _created;

    public async Task<ScheduleRecord?> GetAsync(string function, CancellationToken cancellationToken)
    {
        await EnsureTableAsync(cancellationToken).ConfigureAwait(false);
        var entity = await _table.FindAsync(Partition, function, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (entity is null)
        {
            return null;
        }

        var next = entity.GetDateTimeOffset("Next")
            ?? throw new InvalidOperationException($"The schedule status of '{function}' in table {_table.Name} has no Next.");
        return new ScheduleRecord(entity.GetDateTimeOffset("Last"), next, entity.GetDateTimeOffset("LastUpdated") ?? next, entity.ETag.ToString());
    }

    public async Task<bool> TryWriteAsync(string function, ScheduleRecord? current, ScheduleRecord next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(next);
        await EnsureTableAsync(cancellationToken).ConfigureAwait(false);
        var entity = new TableEntity(Partition, function)
        {
            ["Next"] = next.Next,
            ["LastUpdated"] = next.LastUpdated,
        };
        if (next.Last is { } last)
        {
            entity["Last"] = last;
        }

        try
        {
            if (current?.Version is null)
            {
                await _table.InsertAsync(entity, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await _table.UpdateIfMatchAsync(entity, new ETag(current.Version), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            }

            return true;
        }
        catch (EntityAlreadyExistsException)
        {
            return false;
        }
        catch (ConcurrencyConflictException)
        {
            return false;
        }
    }

    private async Task EnsureTableAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _created) == 0)
        {
            await _table.CreateIfMissingAsync(cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _created, 1);
        }
    }
}
