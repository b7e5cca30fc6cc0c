using System.Text.RegularExpressions;

namespace Petitions.Core.Reception;

/// <summary>
/// The bookings of one session, with the pure booking rules: a place per booking up to the
/// session's capacity (the lowest free place, whose slot time is given to the citizen), groups
/// of a crowded complaint attend through their representatives, cancellation by code frees the
/// place, and staff may add walk-ins — over capacity when full, because a citizen who comes to a
/// session is received (the places only order the day). Not thread-safe: the storage adapter
/// guarantees capacity under concurrency (docs/reception.md).
/// </summary>
public sealed partial class SessionBook
{
    private readonly List<ReceptionBooking> _bookings = [];
    private readonly Func<string> _newCode;

    /// <param name="session">The occurrence booked.</param>
    /// <param name="slotLength">Its schedule's slot length.</param>
    /// <param name="newCode">Code source; <see cref="BookingCode.New"/> in production.</param>
    public SessionBook(ReceptionOccurrence session, TimeSpan slotLength, Func<string>? newCode = null)
    {
        Session = session ?? throw new ArgumentNullException(nameof(session));
        SlotLength = slotLength;
        _newCode = newCode ?? BookingCode.New;
    }

    public ReceptionOccurrence Session { get; }

    public TimeSpan SlotLength { get; }

    /// <summary>Bookings, cancelled ones included.</summary>
    public IReadOnlyList<ReceptionBooking> Bookings => _bookings;

    /// <summary>Places not taken by a live booking.</summary>
    public int PlacesLeft => Session.Capacity - TakenPlaces().Count;

    /// <summary>Books a place (web, Zalo or counter before the session).</summary>
    public BookingOutcome Book(BookingRequest request, DateTimeOffset now)
    {
        var problem = Check(request, now, walkIn: false);
        if (problem is not null)
        {
            return new BookingOutcome.Refused(problem);
        }

        var place = FirstFreePlace();
        return place is null ? new BookingOutcome.Full(Session.Id) : new BookingOutcome.Confirmed(Add(request, place, now));
    }

    /// <summary>Staff add a citizen who came in person; over capacity when no place is left.</summary>
    public BookingOutcome AddWalkIn(BookingRequest request, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        var counter = request with { Channel = BookingChannel.Counter };
        var problem = Check(counter, now, walkIn: true);
        return problem is not null
            ? new BookingOutcome.Refused(problem)
            : new BookingOutcome.Confirmed(Add(counter, FirstFreePlace(), now));
    }

    /// <summary>Cancels by the code as typed by the citizen; false when no live booking has it.</summary>
    public bool Cancel(string? typedCode)
    {
        var code = BookingCode.Normalize(typedCode);
        var index = _bookings.FindIndex(b => b.Code == code && !b.Cancelled);
        if (index < 0)
        {
            return false;
        }

        _bookings[index] = _bookings[index] with { Cancelled = true };
        return true;
    }

    /// <summary>Restores a booking read from storage (no rules applied).</summary>
    public void Restore(ReceptionBooking booking) => _bookings.Add(booking);

    /// <summary>A Vietnamese mobile number: 0 or +84 then 9 digits (spaces, dots and dashes ignored).</summary>
    public static bool IsMobileNumber(string? phone) =>
        phone is not null && MobileNumber().IsMatch(phone.Replace(" ", "", StringComparison.Ordinal).Replace(".", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal));

    private string? Check(BookingRequest request, DateTimeOffset now, bool walkIn) => Problem(Session, request, now, walkIn);

    /// <summary>
    /// Why the session takes no booking (online) or walk-in (at the counter) at <paramref name="now"/>, with a stable
    /// code and the reason in English and Vietnamese; null when it does. Part of <see cref="Problem"/>, and what the
    /// use cases answer the citizen or the officer.
    /// </summary>
    public static SessionClosed? Closed(ReceptionOccurrence session, DateTimeOffset now, bool walkIn)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (!session.TakesPlace)
        {
            return new("session.cancelled", $"The session is cancelled: {session.Reason}.", $"Buổi tiếp đã bị hủy: {session.Reason}.");
        }

        if (session.Kind != ReceptionKind.Periodic && !walkIn)
        {
            return new("session.unscheduled", "Unscheduled reception cannot be booked online.", "Buổi tiếp đột xuất không nhận đăng ký trực tuyến.");
        }

        if (now >= (walkIn ? session.EndsAt : session.StartsAt))
        {
            return walkIn
                ? new("session.over", "The session is over.", "Buổi tiếp đã kết thúc.")
                : new("session.started", "The session has started; ask at the reception counter.", "Buổi tiếp đã bắt đầu; xin hỏi tại phòng tiếp công dân.");
        }

        return null;
    }

    /// <summary>
    /// Why <paramref name="request"/> cannot be booked on <paramref name="session"/> at
    /// <paramref name="now"/>, or null when it can (capacity aside). Shared with the storage adapter.
    /// </summary>
    public static string? Problem(ReceptionOccurrence session, BookingRequest request, DateTimeOffset now, bool walkIn)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(request);
        if (request.SessionId != session.Id)
        {
            return $"the request is for session '{request.SessionId}', not '{session.Id}'";
        }

        if (Closed(session, now, walkIn) is { } closed)
        {
            return closed.Message;
        }

        var people = new[] { request.Citizen }.Concat(request.OtherPeople ?? []).ToList();
        if (people.Any(p => p is null || string.IsNullOrWhiteSpace(p.Name)))
        {
            return "every person needs a name";
        }

        if (!walkIn && !IsMobileNumber(request.Citizen.Phone))
        {
            return "a mobile number (0xxxxxxxxx or +84xxxxxxxxx) is needed for the SMS confirmation";
        }

        return string.IsNullOrWhiteSpace(request.Topic) ? "the topic is required" : null;
    }

    private ReceptionBooking Add(BookingRequest request, int? place, DateTimeOffset now)
    {
        string code;
        do
        {
            code = _newCode();
        }
        while (_bookings.Any(b => b.Code == code));

        var booking = CreateBooking(Session, SlotLength, request, place, code, now);
        _bookings.Add(booking);
        return booking;
    }

    /// <summary>
    /// The booking for <paramref name="request"/> at place <paramref name="place"/> (null: walk-in over
    /// capacity): group split into representatives and co-signers, slot time from the place number.
    /// </summary>
    public static ReceptionBooking CreateBooking(
        ReceptionOccurrence session, TimeSpan slotLength, BookingRequest request, int? place, string code, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(request);
        var (representatives, coSigners) = CrowdedComplaint.Split([request.Citizen, .. request.OtherPeople ?? []]);
        return new ReceptionBooking(
            code,
            session.Id,
            place,
            place is { } n ? session.Start.Add(slotLength * (n - 1)) : null,
            representatives,
            coSigners,
            request.Topic.Trim(),
            request.TrackingCode,
            request.Channel,
            now,
            Cancelled: false);
    }

    private int? FirstFreePlace()
    {
        var taken = TakenPlaces();
        for (var n = 1; n <= Session.Capacity; n++)
        {
            if (!taken.Contains(n))
            {
                return n;
            }
        }

        return null;
    }

    private HashSet<int> TakenPlaces() =>
        _bookings.Where(b => !b.Cancelled && b.PlaceNumber is not null).Select(b => b.PlaceNumber!.Value).ToHashSet();

    [GeneratedRegex(@"^(0|\+84)[0-9]{9}$", RegexOptions.CultureInvariant)]
    private static partial Regex MobileNumber();
}

/// <summary>Why a session takes no booking now.</summary>
/// <param name="Code">Stable code (<c>session.cancelled</c>, <c>session.unscheduled</c>, <c>session.started</c>, <c>session.over</c>).</param>
/// <param name="Message">English.</param>
/// <param name="MessageVi">Vietnamese.</param>
public sealed record SessionClosed(string Code, string Message, string MessageVi);
