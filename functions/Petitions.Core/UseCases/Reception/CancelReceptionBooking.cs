using Petitions.Core.Citizens;

namespace Petitions.Core.UseCases.Reception;

/// <summary>
/// The citizen cancels by the code in the SMS and the phone it was sent to; the place is freed (its reminder finds
/// no live booking and is dropped). A wrong phone answers as an unknown code, so codes cannot be probed.
/// </summary>
public static class CancelReceptionBooking
{
    /// <summary>The request.</summary>
    public sealed record Command(string? BookingCode, string? Phone);

    /// <summary>Cancels.</summary>
    public sealed class Handler(IReceptionBookings bookings)
    {
        /// <summary>True when a live booking with this code and phone was cancelled.</summary>
        public async Task<bool> HandleAsync(Command command, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(command);
            if (!PhoneNumber.TryParse(command.Phone, out var phone))
            {
                throw new ArgumentException("Give the mobile number the booking was made with.", nameof(command));
            }

            var sessionId = await bookings.SessionOfAsync(command.BookingCode, cancellationToken).ConfigureAwait(false);
            if (sessionId is null)
            {
                return false;
            }

            var code = Petitions.Core.Reception.BookingCode.Normalize(command.BookingCode);
            var booking = (await bookings.ListAsync(sessionId, cancellationToken).ConfigureAwait(false)).FirstOrDefault(b => b.Code == code);
            var contact = booking is { Representatives.Count: > 0 } ? booking.Representatives[0].Phone : null;
            if (booking is null || !PhoneNumber.TryParse(contact, out var booked) || booked.E164 != phone.E164)
            {
                return false;
            }

            return await bookings.CancelAsync(sessionId, code, cancellationToken).ConfigureAwait(false);
        }
    }
}
