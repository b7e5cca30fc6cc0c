using Petitions.Core.Ports;
using Petitions.Core.Reception;
using Petitions.Core.UseCases.Staff;

namespace Petitions.Core.UseCases.Reception;

/// <summary>
/// Staff add a citizen who came without booking (until the session ends): a free place if any, else recorded over
/// capacity — a citizen who comes is received. A phone, when given, gets the confirmation and reminder.
/// </summary>
public static class AddReceptionWalkIn
{
    /// <summary>The request.</summary>
    public sealed record Command(string SessionId, BookReception.PersonInput? Citizen, string? Topic, string? TrackingCode, IReadOnlyList<BookReception.PersonInput>? Representatives);

    /// <summary>Adds.</summary>
    public sealed class Handler(ReceptionCalendar calendar, IReceptionBookings bookings, INotificationRequests notifications, ReceptionNotices notices, TimeProvider time)
    {
        /// <summary>Adds the walk-in.</summary>
        public async Task<StaffReceptionResult> HandleAsync(StaffPrincipal who, Command command, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(who);
            ArgumentNullException.ThrowIfNull(command);
            var session = await calendar.FindSessionAsync(command.SessionId, cancellationToken).ConfigureAwait(false);
            if (session is null)
            {
                return new StaffReceptionResult.NotFound("session");
            }

            if (ReceptionStaffAccess.Refusal(who, session, calendar.Directory.Chart) is { } why)
            {
                return new StaffReceptionResult.Forbidden(why);
            }

            var errors = new List<Common.FieldError>();
            var citizen = BookReception.ReadPerson(command.Citizen, "citizen", phoneRequired: false, errors);
            var others = new List<Person>();
            for (var i = 0; i < (command.Representatives?.Count ?? 0); i++)
            {
                if (BookReception.ReadPerson(command.Representatives![i], $"representatives[{i}]", phoneRequired: false, errors) is { } other)
                {
                    others.Add(other);
                }
            }

            if (string.IsNullOrWhiteSpace(command.Topic))
            {
                errors.Add("topic", "topic.required", "Say what the citizen raises.", "Xin ghi nội dung công dân trình bày.");
            }

            if (errors.Count > 0)
            {
                return new StaffReceptionResult.Invalid(errors);
            }

            var now = time.GetUtcNow();
            if (ReceptionFieldErrors.SessionRefusal(session, now, walkIn: true) is { } closed)
            {
                return new StaffReceptionResult.Invalid([closed]);
            }

            var request = new BookingRequest(session.Id, citizen!, command.Topic!.Trim(), command.TrackingCode?.Trim().ToUpperInvariant(), BookingChannel.Counter, others);
            var outcome = await bookings.AddWalkInAsync(session, calendar.SlotLengthOf(session), request, now, cancellationToken).ConfigureAwait(false);
            if (outcome is BookingOutcome.Refused refused)
            {
                return new StaffReceptionResult.Invalid([ReceptionFieldErrors.StoreRefusal(refused.Problem)]);
            }

            var booking = ((BookingOutcome.Confirmed)outcome).Booking;
            await bookings.RememberAsync(booking, null, cancellationToken).ConfigureAwait(false);
            if (citizen!.Phone is not null)
            {
                await notifications.RequestAsync(notices.AppointmentFor(booking, session), cancellationToken).ConfigureAwait(false);
            }

            return new StaffReceptionResult.Done(booking);
        }
    }
}
