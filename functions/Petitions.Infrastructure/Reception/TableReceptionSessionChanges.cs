using System.Globalization;
using Azure.Data.Tables;
using Petitions.Core.Ports;
using Petitions.Core.Reception;
using Petitions.Core.UseCases.Reception;
using Petitions.Infrastructure.Storage;

namespace Petitions.Infrastructure.Reception;

/// <summary>
/// Staff changes to the published calendar, in the bookings table beside the session partitions (session ids never
/// start with "_"): partition <c>_cancelled</c> (row = session id) and partition <c>_unscheduled</c> (row = the
/// reception's id, <c>{unitId}-dotxuat-{yyyyMMdd}-{HHmm}</c>, so a unit's days are one row range). Both are written
/// with Add only: the service's 409 on an existing key makes a repeated or racing request find the first one.
/// The staff note of an unscheduled reception is sealed at rest when a protector is given (it may name people).
/// </summary>
public sealed class TableReceptionSessionChanges(TableClient table, ICitizenDataProtector? protector = null) : IReceptionSessionChanges
{
    /// <summary>Partition of staff cancellations.</summary>
    public const string CancelledPartition = "_cancelled";

    /// <summary>Partition of unscheduled reception.</summary>
    public const string UnscheduledPartition = "_unscheduled";

    private readonly TableClient _table = table ?? throw new ArgumentNullException(nameof(table));

    /// <summary>Creates the table when missing.</summary>
    public Task<bool> CreateTableIfNotExistsAsync(CancellationToken cancellationToken = default) => _table.CreateIfMissingAsync(cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredSessionCancellation>> CancellationsAsync(CancellationToken cancellationToken = default)
    {
        var result = new List<StoredSessionCancellation>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {CancelledPartition}");
        await foreach (var e in _table.RowsAsync(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            result.Add(ReadCancellation(e));
        }

        return result;
    }

    /// <inheritdoc />
    public async Task<StoredSessionCancellation> CancelAsync(StoredSessionCancellation cancellation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cancellation);
        var entity = new TableEntity(CancelledPartition, cancellation.SessionId)
        {
            ["ScheduleId"] = cancellation.Cancellation.ScheduleId,
            ["OriginalDate"] = Day(cancellation.Cancellation.OriginalDate),
            ["Reason"] = cancellation.Cancellation.Reason,
            ["ByStaffId"] = cancellation.ByStaffId,
            ["At"] = cancellation.At.ToUniversalTime(),
        };
        try
        {
            await _table.InsertAsync(entity, cancellationToken).ConfigureAwait(false);
            return cancellation;
        }
        catch (EntityAlreadyExistsException)
        {
            var first = await _table.FindAsync(CancelledPartition, cancellation.SessionId, cancellationToken: cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"The cancellation of session {cancellation.SessionId} exists but cannot be read.");
            return ReadCancellation(first);
        }
    }

    /// <inheritdoc />
    public async Task<bool> AddUnscheduledAsync(UnscheduledRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        var s = record.Session;
        var entity = new TableEntity(UnscheduledPartition, s.Id)
        {
            ["UnitId"] = s.UnitId,
            ["HeadStaffId"] = s.HeadStaffId,
            ["Place"] = s.Place,
            ["Date"] = Day(s.Date),
            ["Start"] = Time(s.Start),
            ["End"] = Time(s.End),
            ["GroundId"] = record.GroundId,
            ["Reason"] = s.Reason,
            ["ByStaffId"] = record.ByStaffId,
            ["At"] = record.At.ToUniversalTime(),
        };
        if (record.Note is { } note)
        {
            entity["Note"] = protector is null ? note : protector.Seal(note, NoteContext(s.Id));
            entity["Sealed"] = protector is not null;
        }

        try
        {
            await _table.InsertAsync(entity, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (EntityAlreadyExistsException)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public async Task<UnscheduledRecord?> FindUnscheduledAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        // Ids are [a-z0-9-]; anything else (from a URL) names no reception and must not reach the key rules.
        if (string.IsNullOrEmpty(sessionId) || sessionId.Length > 200 || !sessionId.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            return null;
        }

        var e = await _table.FindAsync(UnscheduledPartition, sessionId, cancellationToken: cancellationToken).ConfigureAwait(false);
        return e is null ? null : ReadUnscheduled(e);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<UnscheduledRecord>> UnscheduledAsync(string unitId, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(unitId);
        var prefix = unitId + ReceptionCalendar.UnscheduledMarker;
        var low = prefix + from.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var high = prefix + to.AddDays(1).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {UnscheduledPartition} and RowKey ge {low} and RowKey lt {high}");
        var result = new List<UnscheduledRecord>();
        await foreach (var e in _table.RowsAsync(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (e.GetString("UnitId") == unitId)
            {
                result.Add(ReadUnscheduled(e));
            }
        }

        return [.. result.OrderBy(r => r.Session.StartsAt)];
    }

    private static StoredSessionCancellation ReadCancellation(TableEntity e) => new(
        e.RowKey,
        new SessionCancellation(e.GetString("ScheduleId") ?? string.Empty, ParseDay(e.GetString("OriginalDate")), e.GetString("Reason") ?? string.Empty),
        e.GetString("ByStaffId") ?? string.Empty,
        e.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue);

    private UnscheduledRecord ReadUnscheduled(TableEntity e)
    {
        var date = ParseDay(e.GetString("Date"));
        var session = new ReceptionOccurrence(
            e.RowKey,
            ScheduleId: null,
            e.GetString("UnitId") ?? string.Empty,
            e.GetString("HeadStaffId") ?? string.Empty,
            e.GetString("Place") ?? string.Empty,
            date,
            date,
            ParseTime(e.GetString("Start")),
            ParseTime(e.GetString("End")),
            Capacity: 0,
            OccurrenceStatus.Scheduled,
            Sequence: 0,
            e.GetString("Reason"),
            ReceptionKind.Unscheduled);
        var note = e.GetString("Note");
        if (note is not null && e.GetBoolean("Sealed") == true)
        {
            note = protector?.Open(note, NoteContext(e.RowKey))
                ?? throw new InvalidOperationException($"Unscheduled reception {e.RowKey} has a sealed note and no protector was given.");
        }

        return new UnscheduledRecord(session, e.GetString("GroundId") ?? string.Empty, note, e.GetString("ByStaffId") ?? string.Empty, e.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue);
    }

    private static string NoteContext(string sessionId) => $"reception/{sessionId}/note";

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Time(TimeOnly t) => t.ToString("HH:mm", CultureInfo.InvariantCulture);

    private static DateOnly ParseDay(string? s) => DateOnly.ParseExact(s ?? string.Empty, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static TimeOnly ParseTime(string? s) => TimeOnly.ParseExact(s ?? string.Empty, "HH:mm", CultureInfo.InvariantCulture);
}
