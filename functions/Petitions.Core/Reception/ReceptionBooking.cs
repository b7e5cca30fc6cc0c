namespace Petitions.Core.Reception;

/// <summary>A citizen (or a representative or co-signer of a group).</summary>
/// <param name="Name">Full name.</param>
/// <param name="Phone">Mobile number for SMS, when given.</param>
public sealed record Person(string Name, string? Phone);

/// <summary>How a booking reached us.</summary>
public enum BookingChannel
{
    /// <summary>The public web page.</summary>
    Web,

    /// <summary>A link from the unit's Zalo Official Account.</summary>
    Zalo,

    /// <summary>Added by staff at the counter (walk-in).</summary>
    Counter,
}

/// <summary>A request for a place at a session.</summary>
/// <param name="SessionId">The occurrence id.</param>
/// <param name="Citizen">The contact person (first representative).</param>
/// <param name="Topic">What the citizen wants to raise (not logged).</param>
/// <param name="TrackingCode">The case's tracking code, when the matter is already filed.</param>
/// <param name="Channel">Web, Zalo or counter.</param>
/// <param name="OtherPeople">Further people of a group (crowded complaint), in order; empty for one citizen.</param>
public sealed record BookingRequest(
    string SessionId,
    Person Citizen,
    string Topic,
    string? TrackingCode,
    BookingChannel Channel,
    IReadOnlyList<Person> OtherPeople);

/// <summary>A confirmed place at a session.</summary>
/// <param name="Code">The booking code (Crockford base32), sent by SMS; cancels the booking.</param>
/// <param name="SessionId">The occurrence id.</param>
/// <param name="PlaceNumber">1..capacity; null for a walk-in over capacity.</param>
/// <param name="SlotStart">Local time the citizen is expected (null for a walk-in over capacity).</param>
/// <param name="Representatives">Who attends (the contact first).</param>
/// <param name="CoSigners">Listed with the group but not attending.</param>
/// <param name="Topic">What is raised.</param>
/// <param name="TrackingCode">The case, when known.</param>
/// <param name="Channel">How it was booked.</param>
/// <param name="BookedAt">When.</param>
/// <param name="Cancelled">Whether the citizen cancelled.</param>
public sealed record ReceptionBooking(
    string Code,
    string SessionId,
    int? PlaceNumber,
    TimeOnly? SlotStart,
    IReadOnlyList<Person> Representatives,
    IReadOnlyList<Person> CoSigners,
    string Topic,
    string? TrackingCode,
    BookingChannel Channel,
    DateTimeOffset BookedAt,
    bool Cancelled);

/// <summary>The result of trying to book.</summary>
public abstract record BookingOutcome
{
    private BookingOutcome()
    {
    }

    /// <summary>Booked (HTTP 201).</summary>
    public sealed record Confirmed(ReceptionBooking Booking) : BookingOutcome;

    /// <summary>No place left (HTTP 409).</summary>
    public sealed record Full(string SessionId) : BookingOutcome;

    /// <summary>The session cannot be booked (cancelled, past, unscheduled) or the request is invalid (HTTP 400/422).</summary>
    public sealed record Refused(string Problem) : BookingOutcome;
}
