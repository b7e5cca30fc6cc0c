using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Petitions.Core.Ports;
using Petitions.Core.Reception;
using Petitions.Core.UseCases.Reception;
using Petitions.Infrastructure.Storage;

namespace Petitions.Infrastructure.Reception;

/// <summary>
/// Bookings of reception sessions in Table storage, with capacity guaranteed under concurrency by
/// one entity per place (docs/reception.md §7): partition = session id; a booking claims row
/// <c>place-NN</c> together with its <c>code-XXXXXXXX</c> row in one entity group transaction, and
/// the service's 409 on an existing key means the place is taken — so no place is ever held twice
/// and no session ever has more bookings than places. The booking rules themselves are
/// <see cref="SessionBook"/>'s.
/// </summary>
public sealed partial class TableReceptionBookingStore : IReceptionBookings
{
    /// <summary>Default table name.</summary>
    public const string DefaultTableName = "receptionbookings";

    private const string PlacePrefix = "place-";
    private const string CodePrefix = "code-";
    private const string WalkInPrefix = "walkin-";
    private const string CancelledPrefix = "cancelled-";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly TableClient _table;
    private readonly Func<string> _newCode;
    private readonly ILogger _logger;
    private readonly ICitizenDataProtector? _protector;

    /// <param name="table">The bookings table (created by the caller or with <see cref="TableClient.CreateIfNotExistsAsync"/>).</param>
    /// <param name="logger">Logs session ids and place numbers only, never personal data.</param>
    /// <param name="newCode">Code source; <see cref="BookingCode.New"/> by default.</param>
    /// <param name="protector">
    /// When given (the app always gives it), the people (names, phones) and the topic are sealed at rest, bound to
    /// the session, the code and the field; rows written without it are read as they are.
    /// </param>
    public TableReceptionBookingStore(
        TableClient table, ILogger<TableReceptionBookingStore>? logger = null, Func<string>? newCode = null, ICitizenDataProtector? protector = null)
    {
        _protector = protector;
        _table = table ?? throw new ArgumentNullException(nameof(table));
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _newCode = newCode ?? BookingCode.New;
    }

    /// <summary>Books a place: confirmed (201), full (409) or refused by the booking rules.</summary>
    public async Task<BookingOutcome> BookAsync(
        ReceptionOccurrence session, TimeSpan slotLength, BookingRequest request, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        var problem = SessionBook.Problem(session, request, now, walkIn: false);
        if (problem is not null)
        {
            return new BookingOutcome.Refused(problem);
        }

        var booking = await ClaimPlaceAsync(session, slotLength, request, now, cancellationToken).ConfigureAwait(false);
        if (booking is null)
        {
            LogFull(_logger, session.Id, session.Capacity);
            return new BookingOutcome.Full(session.Id);
        }

        return new BookingOutcome.Confirmed(booking);
    }

    /// <summary>Staff add a walk-in: a free place if any, else recorded over capacity.</summary>
    public async Task<BookingOutcome> AddWalkInAsync(
        ReceptionOccurrence session, TimeSpan slotLength, BookingRequest request, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(request);
        var counter = request with { Channel = BookingChannel.Counter };
        var problem = SessionBook.Problem(session, counter, now, walkIn: true);
        if (problem is not null)
        {
            return new BookingOutcome.Refused(problem);
        }

        var booking = await ClaimPlaceAsync(session, slotLength, counter, now, cancellationToken).ConfigureAwait(false);
        if (booking is not null)
        {
            return new BookingOutcome.Confirmed(booking);
        }

        while (true)
        {
            var overCapacity = SessionBook.CreateBooking(session, slotLength, counter, null, _newCode(), now);
            try
            {
                await WriteAsync(overCapacity, WalkInPrefix + overCapacity.Code, cancellationToken).ConfigureAwait(false);
                LogWalkInOverCapacity(_logger, session.Id);
                return new BookingOutcome.Confirmed(overCapacity);
            }
            catch (StorageTransactionFailedException ex) when (ex.Status == 409)
            {
                // A code collision (40 random bits): draw another code.
            }
        }
    }

    /// <summary>Cancels by the code as typed; false when the session has no live booking with it.</summary>
    public async Task<bool> CancelAsync(string sessionId, string? typedCode, CancellationToken cancellationToken = default)
    {
        var code = BookingCode.Normalize(typedCode);
        if (code is null)
        {
            return false;
        }

        var index = await _table.FindAsync(sessionId, CodePrefix + code, cancellationToken: cancellationToken).ConfigureAwait(false);
        var rowKey = index?.GetString("BookingRowKey");
        var row = rowKey is null ? null : await _table.FindAsync(sessionId, rowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (index is null || row is null)
        {
            return false;
        }

        var history = new TableEntity(row) { PartitionKey = sessionId, RowKey = CancelledPrefix + code };
        try
        {
            await _table.CommitAsync(
            [
                new(TableTransactionActionType.Delete, row, row.ETag),
                new(TableTransactionActionType.Delete, index, index.ETag),
                new(TableTransactionActionType.Add, history),
            ], cancellationToken).ConfigureAwait(false);
        }
        catch (StorageTransactionFailedException ex) when (ex.Status is 404 or 409 or 412)
        {
            return false;
        }

        LogCancelled(_logger, sessionId, rowKey!);
        return true;
    }

    /// <summary>Live bookings of a session (places first, then walk-ins over capacity).</summary>
    public async Task<IReadOnlyList<ReceptionBooking>> ListAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        var result = new List<ReceptionBooking>();
        await foreach (var e in _table.RowsAsync(TableClient.CreateQueryFilter($"PartitionKey eq {sessionId}"), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (e.RowKey.StartsWith(PlacePrefix, StringComparison.Ordinal) || e.RowKey.StartsWith(WalkInPrefix, StringComparison.Ordinal))
            {
                result.Add(ToBooking(e));
            }
        }

        return result.OrderBy(b => b.PlaceNumber ?? int.MaxValue).ThenBy(b => b.BookedAt).ToList();
    }

    /// <summary>Places not taken (for the sessions list: "places left").</summary>
    public async Task<int> PlacesLeftAsync(ReceptionOccurrence session, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        var taken = await TakenPlacesAsync(session.Id, cancellationToken).ConfigureAwait(false);
        return Math.Max(0, session.Capacity - taken.Count);
    }

    /// <summary>The row key of place <paramref name="place"/>: two digits, more when capacity needs them.</summary>
    public static string PlaceRowKey(int place, int capacity) =>
        PlacePrefix + place.ToString("D" + Math.Max(2, capacity.ToString(CultureInfo.InvariantCulture).Length), CultureInfo.InvariantCulture);

    private async Task<ReceptionBooking?> ClaimPlaceAsync(
        ReceptionOccurrence session, TimeSpan slotLength, BookingRequest request, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var taken = await TakenPlacesAsync(session.Id, cancellationToken).ConfigureAwait(false);
        for (var place = 1; place <= session.Capacity; place++)
        {
            if (taken.Contains(place))
            {
                continue;
            }

            while (true)
            {
                var booking = SessionBook.CreateBooking(session, slotLength, request, place, _newCode(), now);
                try
                {
                    await WriteAsync(booking, PlaceRowKey(place, session.Capacity), cancellationToken).ConfigureAwait(false);
                    LogConfirmed(_logger, session.Id, place, request.Channel);
                    return booking;
                }
                catch (StorageTransactionFailedException ex) when (ex.Status == 409 && ex.FailedTransactionActionIndex == 1)
                {
                    // The code was already used in this session (40 random bits): same place, new code.
                }
                catch (StorageTransactionFailedException ex) when (ex.Status == 409)
                {
                    break; // Someone else claimed this place first: try the next one.
                }
            }
        }

        return null;
    }

    private async Task<HashSet<int>> TakenPlacesAsync(string sessionId, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {sessionId} and RowKey ge {PlacePrefix} and RowKey lt {"place."}");
        var taken = new HashSet<int>();
        await foreach (var e in _table.RowsAsync(filter, select: ["PlaceNumber"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (e.GetInt32("PlaceNumber") is { } n)
            {
                taken.Add(n);
            }
        }

        return taken;
    }

    private Task<IReadOnlyList<Azure.ETag>> WriteAsync(ReceptionBooking booking, string rowKey, CancellationToken cancellationToken)
    {
        var row = new TableEntity(booking.SessionId, rowKey)
        {
            ["Code"] = booking.Code,
            ["PlaceNumber"] = booking.PlaceNumber,
            ["SlotStart"] = booking.SlotStart?.ToString("HH:mm", CultureInfo.InvariantCulture),
            ["Representatives"] = Seal(JsonSerializer.Serialize(booking.Representatives, Json), booking, "representatives"),
            ["CoSigners"] = Seal(JsonSerializer.Serialize(booking.CoSigners, Json), booking, "coSigners"),
            ["Topic"] = Seal(booking.Topic, booking, "topic"),
            ["Sealed"] = _protector is not null,
            ["TrackingCode"] = booking.TrackingCode,
            ["Channel"] = booking.Channel.ToString(),
            ["BookedAt"] = booking.BookedAt,
        };
        var index = new TableEntity(booking.SessionId, CodePrefix + booking.Code) { ["BookingRowKey"] = rowKey };
        return _table.CommitAsync(
        [
            new(TableTransactionActionType.Add, row),
            new(TableTransactionActionType.Add, index),
        ], cancellationToken);
    }

    private string Seal(string value, ReceptionBooking booking, string field) =>
        _protector is null ? value : _protector.Seal(value, SealContext(booking.SessionId, booking.Code, field));

    private string Open(TableEntity e, string field, string fallback)
    {
        var value = e.GetString(char.ToUpperInvariant(field[0]) + field[1..]) ?? fallback;
        if (e.GetBoolean("Sealed") != true)
        {
            return value;
        }

        return (_protector ?? throw new InvalidOperationException("Sealed reception bookings need the field protector."))
            .Open(value, SealContext(e.PartitionKey, e.GetString("Code") ?? string.Empty, field));
    }

    /// <summary>The context a booking's field is sealed for: the session, the code and the field.</summary>
    public static string SealContext(string sessionId, string code, string field) => $"reception/{sessionId}/{code}/{field}";

    private ReceptionBooking ToBooking(TableEntity e) => new(
        e.GetString("Code") ?? string.Empty,
        e.PartitionKey,
        e.GetInt32("PlaceNumber"),
        e.GetString("SlotStart") is { } slot ? TimeOnly.ParseExact(slot, "HH:mm", CultureInfo.InvariantCulture) : null,
        JsonSerializer.Deserialize<List<Person>>(Open(e, "representatives", "[]"), Json) ?? [],
        JsonSerializer.Deserialize<List<Person>>(Open(e, "coSigners", "[]"), Json) ?? [],
        Open(e, "topic", string.Empty),
        e.GetString("TrackingCode"),
        Enum.TryParse<BookingChannel>(e.GetString("Channel"), out var channel) ? channel : BookingChannel.Web,
        e.GetDateTimeOffset("BookedAt") ?? DateTimeOffset.MinValue,
        Cancelled: false);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reception session {SessionId}: place {Place} booked via {Channel}")]
    private static partial void LogConfirmed(ILogger logger, string sessionId, int place, BookingChannel channel);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reception session {SessionId} is full ({Capacity} places)")]
    private static partial void LogFull(ILogger logger, string sessionId, int capacity);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reception session {SessionId}: walk-in added over capacity")]
    private static partial void LogWalkInOverCapacity(ILogger logger, string sessionId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reception session {SessionId}: booking at {RowKey} cancelled")]
    private static partial void LogCancelled(ILogger logger, string sessionId, string rowKey);
}
