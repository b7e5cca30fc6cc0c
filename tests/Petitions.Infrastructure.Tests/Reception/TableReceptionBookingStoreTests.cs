using Petitions.Core.Reception;
using Petitions.Infrastructure.Reception;
using Petitions.Infrastructure.Storage;
using Petitions.TestKit;

namespace Petitions.Infrastructure.Tests.Reception;

public sealed class TableReceptionBookingStoreTests
{
    private static readonly TimeSpan Vn = TimeSpan.FromHours(7);
    private static readonly DateTimeOffset Now = new(2026, 5, 10, 9, 0, 0, Vn);
    private static readonly TimeSpan Slot = TimeSpan.FromMinutes(20);

    private static ReceptionOccurrence Session(int capacity) => new(
        "qn-camtay-chu-tich-20260514",
        "qn-camtay-chu-tich",
        "qn-camtay",
        "qn-camtay-head",
        "Phòng tiếp công dân, UBND phường Cẩm Tây",
        new DateOnly(2026, 5, 14),
        new DateOnly(2026, 5, 14),
        new TimeOnly(7, 30),
        new TimeOnly(11, 30),
        capacity,
        OccurrenceStatus.Scheduled,
        0,
        null,
        ReceptionKind.Periodic);

    private static BookingRequest Request(ReceptionOccurrence session, int i, int others = 0) => new(
        session.Id,
        new Person($"Công dân {i}", "0912345678"),
        "Kiến nghị về đường giao thông",
        null,
        BookingChannel.Web,
        Enumerable.Range(1, others).Select(n => new Person($"Người {n}", null)).ToList());

    private static async Task<TableReceptionBookingStore> NewStoreAsync()
    {
        var table = new Azure.Data.Tables.TableServiceClient(AzuriteServer.Shared.ConnectionString).GetTableClient(AzuriteServer.UniqueName("reception"));
        Assert.True(await table.CreateIfMissingAsync());
        return new TableReceptionBookingStore(table);
    }

    [Fact]
    public async Task Fifty_parallel_bookings_for_ten_places_confirm_exactly_ten_and_refuse_forty_as_full()
    {
        var store = await NewStoreAsync();
        var session = Session(capacity: 10);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(() => store.BookAsync(session, Slot, Request(session, i), Now))));

        var confirmed = outcomes.OfType<BookingOutcome.Confirmed>().Select(c => c.Booking).ToList();
        Assert.Equal(10, confirmed.Count);
        Assert.Equal(40, outcomes.OfType<BookingOutcome.Full>().Count());
        Assert.Equal(Enumerable.Range(1, 10).Cast<int?>(), confirmed.Select(b => b.PlaceNumber).Order());
        Assert.Equal(10, confirmed.Select(b => b.Code).Distinct().Count());
        var stored = await store.ListAsync(session.Id);
        Assert.Equal(10, stored.Count);
        Assert.Equal(0, await store.PlacesLeftAsync(session));
    }

    [Fact]
    public async Task Cancelling_by_code_frees_the_place_for_the_next_booking()
    {
        var store = await NewStoreAsync();
        var session = Session(capacity: 2);
        var first = Assert.IsType<BookingOutcome.Confirmed>(await store.BookAsync(session, Slot, Request(session, 1), Now)).Booking;
        Assert.IsType<BookingOutcome.Confirmed>(await store.BookAsync(session, Slot, Request(session, 2), Now));
        Assert.IsType<BookingOutcome.Full>(await store.BookAsync(session, Slot, Request(session, 3), Now));

        Assert.True(await store.CancelAsync(session.Id, first.Code.ToLowerInvariant().Insert(4, "-")));
        Assert.False(await store.CancelAsync(session.Id, first.Code));

        var again = Assert.IsType<BookingOutcome.Confirmed>(await store.BookAsync(session, Slot, Request(session, 3), Now)).Booking;
        Assert.Equal(first.PlaceNumber, again.PlaceNumber);
        Assert.Equal(new TimeOnly(7, 30), again.SlotStart);
    }

    [Fact]
    public async Task A_crowded_complaint_is_stored_with_its_representatives_and_co_signers()
    {
        var store = await NewStoreAsync();
        var session = Session(capacity: 3);

        await store.BookAsync(session, Slot, Request(session, 1, others: 11) with { Channel = BookingChannel.Zalo, TrackingCode = "KN-2026-000123" }, Now);

        var b = Assert.Single(await store.ListAsync(session.Id));
        Assert.Equal(5, b.Representatives.Count);
        Assert.Equal(7, b.CoSigners.Count);
        Assert.Equal("Công dân 1", b.Representatives[0].Name);
        Assert.Equal(BookingChannel.Zalo, b.Channel);
        Assert.Equal("KN-2026-000123", b.TrackingCode);
        Assert.Equal(Now, b.BookedAt);
    }

    [Fact]
    public async Task A_walk_in_on_a_full_session_is_recorded_over_capacity()
    {
        var store = await NewStoreAsync();
        var session = Session(capacity: 1);
        await store.BookAsync(session, Slot, Request(session, 1), Now);

        var walkIn = Assert.IsType<BookingOutcome.Confirmed>(await store.AddWalkInAsync(session, Slot, Request(session, 2), session.StartsAt.AddMinutes(30))).Booking;

        Assert.Null(walkIn.PlaceNumber);
        Assert.Equal(BookingChannel.Counter, walkIn.Channel);
        Assert.Equal(2, (await store.ListAsync(session.Id)).Count);
        Assert.Equal(0, await store.PlacesLeftAsync(session));
    }

    [Fact]
    public async Task The_booking_rules_refuse_before_storage_is_touched()
    {
        var store = await NewStoreAsync();
        var session = Session(capacity: 1) with { Status = OccurrenceStatus.Cancelled };

        var outcome = await store.BookAsync(session, Slot, Request(session, 1), Now);

        Assert.StartsWith("The session is cancelled", Assert.IsType<BookingOutcome.Refused>(outcome).Problem, StringComparison.Ordinal);
        Assert.Empty(await store.ListAsync(session.Id));
    }
}
