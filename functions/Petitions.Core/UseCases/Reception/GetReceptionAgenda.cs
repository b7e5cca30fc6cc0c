using Petitions.Core.Cases;
using Petitions.Core.Ports;
using Petitions.Core.Reception;
using Petitions.Core.UseCases.Common;
using Petitions.Core.UseCases.Staff;

namespace Petitions.Core.UseCases.Reception;

/// <summary>
/// The head's agenda for a session: its bookings, those whose case has reached the supervising level or gone overdue
/// first (earliest deadline first), each with its case's running deadlines and timeline; then the others by place.
/// A case is shown only to staff who may read it (a citizen can type any tracking code when booking): otherwise the
/// line carries the booking alone.
/// </summary>
public static class GetReceptionAgenda
{
    /// <summary>One line of the agenda.</summary>
    public sealed record Item(
        string BookingCode,
        int? Place,
        TimeOnly? Slot,
        IReadOnlyList<Person> Representatives,
        int CoSigners,
        string Topic,
        string Channel,
        string? TrackingCode,
        bool Priority,
        string? Escalation,
        string? CaseStatus,
        IReadOnlyList<AgendaDeadline> Deadlines,
        IReadOnlyList<TimelineEntry> Timeline);

    /// <summary>A running deadline of the case.</summary>
    public sealed record AgendaDeadline(string Step, DateOnly Due);

    /// <summary>The agenda.</summary>
    public sealed record Agenda(string SessionId, string UnitId, DateTimeOffset Start, DateTimeOffset End, string Place, IReadOnlyList<Item> Items);

    /// <summary>Builds the agenda.</summary>
    public sealed class Handler(ReceptionCalendar calendar, IReceptionBookings bookings, ICaseStore cases)
    {
        /// <summary>The agenda of the session.</summary>
        public async Task<StaffReceptionResult> HandleAsync(StaffPrincipal who, string sessionId, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(who);
            var session = await calendar.FindSessionAsync(sessionId, cancellationToken).ConfigureAwait(false);
            if (session is null)
            {
                return new StaffReceptionResult.NotFound("session");
            }

            var chart = calendar.Directory.Chart;
            if (ReceptionStaffAccess.Refusal(who, session, chart) is { } why)
            {
                return new StaffReceptionResult.Forbidden(why);
            }

            var items = new List<Item>();
            foreach (var booking in await bookings.ListAsync(session.Id, cancellationToken).ConfigureAwait(false))
            {
                var stored = booking.TrackingCode is { } code ? await cases.FindAsync(code, cancellationToken).ConfigureAwait(false) : null;
                if (stored is not null && StaffAccess.Refusal(who, CaseIndexEntries.UnitOf(stored.Case, stored.Letter), StaffRight.Read, chart) is not null)
                {
                    stored = null;
                }

                var @case = stored?.Case;
                var timeline = @case is null
                    ? []
                    : (await cases.EventsAsync(@case.Id, cancellationToken).ConfigureAwait(false))
                        .Select(e => TimelineEntry.Of(e, chart))
                        .ToList();
                var priority = @case is not null && @case.FiredRungs.Any(k => ReceptionOffers.OfferingRungs.Any(r => k.Contains(r, StringComparison.Ordinal)));
                var deadlines = @case?.RunningClocks.Select(c => new AgendaDeadline(c.Step, c.Due)).OrderBy(d => d.Due).ToList() ?? [];
                var denunciation = @case?.Kind == CaseKind.Denunciation && !StaffAccess.SeesIdentity(who, @case, session.UnitId);
                items.Add(new Item(
                    booking.Code, booking.PlaceNumber, booking.SlotStart,
                    denunciation ? [] : booking.Representatives, booking.CoSigners.Count, booking.Topic, booking.Channel.ToString().ToUpperInvariant() switch
                    {
                        "ZALO" => "zalo",
                        "COUNTER" => "counter",
                        _ => "web",
                    },
                    booking.TrackingCode, priority, @case?.LastRung, @case is null ? null : System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(@case.Status.ToString()), deadlines, timeline));
            }

            var ordered = items
                .OrderByDescending(i => i.Priority)
                .ThenBy(i => i.Priority && i.Deadlines.Count > 0 ? i.Deadlines[0].Due : DateOnly.MaxValue)
                .ThenBy(i => i.Place ?? int.MaxValue)
                .ToList();
            return new StaffReceptionResult.Done(new Agenda(session.Id, session.UnitId, session.StartsAt, session.EndsAt, session.Place, ordered));
        }
    }
}
