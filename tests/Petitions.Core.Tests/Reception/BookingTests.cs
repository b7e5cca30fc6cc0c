using Petitions.Core.Reception;
using static Petitions.Core.Tests.Reception.Schedules;

namespace Petitions.Core.Tests.Reception;

public sealed class BookingTests
{
    private static readonly DateTimeOffset Before = new(2026, 5, 10, 9, 0, 0, TimeSpan.FromHours(7));

    private static ReceptionOccurrence Session(int capacity = 10, HolidayPolicy policy = HolidayPolicy.MoveToNextWorkingDay, int month = 5, int day = 14) =>
        new OccurrenceGenerator(TestCalendar.Instance)
            .Generate(For("qn-camtay", "FREQ=WEEKLY;BYDAY=TH", policy, capacity), D(2026, month, day), D(2026, month, day))
            .Single();

    private static BookingRequest Request(ReceptionOccurrence session, int others = 0, BookingChannel channel = BookingChannel.Web) =>
        new(
            session.Id,
            new Person("Nguyễn Văn An", "0912 345 678"),
            "Khiếu nại về bồi thường đất",
            null,
            channel,
            Enumerable.Range(1, others).Select(i => new Person($"Người {i}", null)).ToList());

    [Theory]
    [InlineData(1, 1, 0)]
    [InlineData(4, 4, 0)]
    [InlineData(5, 2, 3)]
    [InlineData(9, 2, 7)]
    [InlineData(10, 2, 8)]
    [InlineData(11, 5, 6)]
    [InlineData(40, 5, 35)]
    public void Crowded_complaints_attend_through_at_most_five_representatives_the_rest_co_sign(int people, int representatives, int coSigners)
    {
        var session = Session();
        var outcome = new SessionBook(session, TimeSpan.FromMinutes(20)).Book(Request(session, people - 1), Before);

        var booking = Assert.IsType<BookingOutcome.Confirmed>(outcome).Booking;
        Assert.Equal(representatives, booking.Representatives.Count);
        Assert.Equal(coSigners, booking.CoSigners.Count);
        Assert.Equal("Nguyễn Văn An", booking.Representatives[0].Name);
        Assert.True(booking.Representatives.Count <= CrowdedComplaint.MaxRepresentatives);
    }

    [Fact]
    public void Bookings_take_places_in_order_with_their_slot_times_until_the_session_is_full()
    {
        var session = Session(capacity: 10);
        var book = new SessionBook(session, TimeSpan.FromMinutes(20));

        var outcomes = Enumerable.Range(0, 11).Select(_ => book.Book(Request(session), Before)).ToList();

        var confirmed = outcomes.Take(10).Select(o => Assert.IsType<BookingOutcome.Confirmed>(o).Booking).ToList();
        Assert.Equal(Enumerable.Range(1, 10).Cast<int?>(), confirmed.Select(b => b.PlaceNumber));
        Assert.Equal(new TimeOnly(7, 30), confirmed[0].SlotStart);
        Assert.Equal(new TimeOnly(10, 30), confirmed[9].SlotStart);
        Assert.IsType<BookingOutcome.Full>(outcomes[10]);
        Assert.Equal(0, book.PlacesLeft);
    }

    [Fact]
    public void Cancelling_by_code_as_typed_frees_the_place_for_the_next_citizen()
    {
        var session = Session(capacity: 1);
        var book = new SessionBook(session, TimeSpan.FromMinutes(20), () => "7K3M9QXA");
        Assert.IsType<BookingOutcome.Confirmed>(book.Book(Request(session), Before));

        Assert.False(book.Cancel("7K3M-9QXB"));
        Assert.True(book.Cancel("7k3m-9qxa"));
        Assert.False(book.Cancel("7K3M9QXA"));
        Assert.Equal(1, book.PlacesLeft);
    }

    [Fact]
    public void Staff_add_walk_ins_over_capacity_when_the_session_is_full()
    {
        var session = Session(capacity: 1);
        var book = new SessionBook(session, TimeSpan.FromMinutes(20));
        book.Book(Request(session), Before);
        var duringSession = session.StartsAt.AddHours(1);

        var walkIn = Assert.IsType<BookingOutcome.Confirmed>(book.AddWalkIn(Request(session) with { Citizen = new Person("Trần Thị Bình", null) }, duringSession)).Booking;

        Assert.Equal(BookingChannel.Counter, walkIn.Channel);
        Assert.Null(walkIn.PlaceNumber);
        Assert.IsType<BookingOutcome.Refused>(book.AddWalkIn(Request(session), session.EndsAt));
    }

    [Fact]
    public void A_booking_from_a_Zalo_link_records_the_channel()
    {
        var session = Session();

        var booking = Assert.IsType<BookingOutcome.Confirmed>(new SessionBook(session, TimeSpan.FromMinutes(20)).Book(Request(session, channel: BookingChannel.Zalo), Before)).Booking;

        Assert.Equal(BookingChannel.Zalo, booking.Channel);
    }

    [Fact]
    public void A_cancelled_or_started_session_or_a_request_without_a_mobile_number_is_refused()
    {
        var cancelled = Session(policy: HolidayPolicy.CancelWithNotice, month: 4, day: 30);
        Assert.Equal(OccurrenceStatus.Cancelled, cancelled.Status);
        Assert.StartsWith("The session is cancelled", Assert.IsType<BookingOutcome.Refused>(new SessionBook(cancelled, TimeSpan.FromMinutes(20)).Book(Request(cancelled), Before)).Problem, StringComparison.Ordinal);

        var session = Session();
        var book = new SessionBook(session, TimeSpan.FromMinutes(20));
        Assert.IsType<BookingOutcome.Refused>(book.Book(Request(session), session.StartsAt));
        Assert.IsType<BookingOutcome.Refused>(book.Book(Request(session) with { Citizen = new Person("An", "12345") }, Before));
        Assert.IsType<BookingOutcome.Refused>(book.Book(Request(session) with { Topic = " " }, Before));
        Assert.Empty(book.Bookings);
    }

    [Fact]
    public void Booking_codes_are_eight_crockford_characters_from_a_CSPRNG_and_do_not_repeat()
    {
        var codes = Enumerable.Range(0, 2000).Select(_ => BookingCode.New()).ToList();

        Assert.All(codes, c => Assert.Matches("^[0-9ABCDEFGHJKMNPQRSTVWXYZ]{8}$", c));
        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.Equal("00000000", BookingCode.FromRandom([0, 0, 0, 0, 0]));
        Assert.Equal("ZZZZZZZZ", BookingCode.FromRandom([255, 255, 255, 255, 255]));
        Assert.Equal("10000000", BookingCode.Normalize("io00-0000"));
        Assert.Null(BookingCode.Normalize("U0000000"));
    }
}
