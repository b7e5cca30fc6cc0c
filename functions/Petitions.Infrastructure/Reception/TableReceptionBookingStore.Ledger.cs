using System.Globalization;
using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using Petitions.Core.Reception;
using Petitions.Core.UseCases.Reception;
using Petitions.Infrastructure.Storage;

namespace Petitions.Infrastructure.Reception;

/// <summary>
/// The ledger beside the session partitions, in the same table: partition <c>_codes</c> (row = booking code →
/// session id, for cancelling from the SMS link) and partition <c>_reminders</c> (row =
/// <c>{UTC yyyyMMddHHmmss}Z-{code}</c>, so due reminders are one range query). Session ids never start with "_".
/// </summary>
public sealed partial class TableReceptionBookingStore
{
    /// <summary>Partition of the code index.</summary>
    public const string CodesPartition = "_codes";

    /// <summary>Partition of pending reminders.</summary>
    public const string RemindersPartition = "_reminders";

    /// <summary>Creates the table when missing.</summary>
    public Task<bool> CreateTableIfNotExistsAsync(CancellationToken cancellationToken = default) => _table.CreateIfMissingAsync(cancellationToken);

    /// <inheritdoc />
    public async Task RememberAsync(ReceptionBooking booking, DateTimeOffset? remindAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(booking);
        await _table.WriteAsync(
            new TableEntity(CodesPartition, booking.Code) { ["SessionId"] = booking.SessionId }, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        if (remindAt is { } at)
        {
            await _table.WriteAsync(
                new TableEntity(RemindersPartition, ReminderRowKey(at, booking.Code))
                {
                    ["SessionId"] = booking.SessionId,
                    ["Code"] = booking.Code,
                    ["At"] = at.ToUniversalTime(),
                },
                TableUpdateMode.Replace,
                cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async Task<string?> SessionOfAsync(string? typedCode, CancellationToken cancellationToken = default)
    {
        var code = BookingCode.Normalize(typedCode);
        if (code is null)
        {
            return null;
        }

        var row = await _table.FindAsync(CodesPartition, code, cancellationToken: cancellationToken).ConfigureAwait(false);
        return row?.GetString("SessionId");
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<DueReminder> DueRemindersAsync(DateTimeOffset now, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var upTo = now.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "Z.";
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {RemindersPartition} and RowKey lt {upTo}");
        await foreach (var e in _table.RowsAsync(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            yield return new DueReminder(
                e.GetString("SessionId") ?? string.Empty,
                e.GetString("Code") ?? string.Empty,
                e.GetDateTimeOffset("At") ?? now,
                e.RowKey + "|" + e.ETag);
        }
    }

    /// <inheritdoc />
    public async Task CompleteReminderAsync(DueReminder reminder, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        var split = reminder.Handle.IndexOf('|', StringComparison.Ordinal);
        try
        {
            await _table.RemoveAsync(RemindersPartition, reminder.Handle[..split], new Azure.ETag(reminder.Handle[(split + 1)..]), cancellationToken).ConfigureAwait(false);
        }
        catch (ConcurrencyConflictException)
        {
            // Rewritten since it was read (the same booking remembered again): the next run sees it; its request id is the same.
        }
    }

    /// <summary>The reminder row key: due instant (UTC, to the second), then the code.</summary>
    public static string ReminderRowKey(DateTimeOffset at, string code) =>
        at.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "Z-" + code;
}
