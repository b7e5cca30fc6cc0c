using Petitions.Core.Citizens;
using Petitions.Core.Notifications;
using Petitions.Core.UseCases.Reception;

namespace Petitions.Infrastructure.Notifications.Reception;

/// <summary>
/// Resolves <c>booking:&lt;sessionId&gt;:&lt;code&gt;</c> at send time: the first representative's phone is read from the
/// live booking through <see cref="IReceptionBookings"/> (which opens the sealed row with the field protector) and
/// kept only in memory for the one send. A cancelled booking resolves to nothing, so its messages are not sent.
/// </summary>
public sealed class ReceptionBookingRecipients(IReceptionBookings bookings) : IRecipientResolver
{
    /// <summary>Prefix of a booking recipient reference.</summary>
    public const string BookingPrefix = "booking:";

    /// <summary>The reference naming the representative of booking <paramref name="code"/> in <paramref name="sessionId"/>.</summary>
    public static string Booking(string sessionId, string code)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sessionId);
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        return $"{BookingPrefix}{sessionId}:{code}";
    }

    /// <inheritdoc />
    public async Task<string?> ResolveE164Async(NotificationRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Recipient is not { } recipient || !recipient.StartsWith(BookingPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        // Booking codes hold no ':'; session ids might, so the code is what follows the last one.
        var rest = recipient[BookingPrefix.Length..];
        var split = rest.LastIndexOf(':');
        if (split <= 0 || split == rest.Length - 1)
        {
            return null;
        }

        var sessionId = rest[..split];
        var code = rest[(split + 1)..];
        var booking = (await bookings.ListAsync(sessionId, cancellationToken).ConfigureAwait(false))
            .FirstOrDefault(b => b.Code == code && !b.Cancelled);
        var phone = booking?.Representatives.Select(p => p.Phone).FirstOrDefault(p => !string.IsNullOrWhiteSpace(p));
        return PhoneNumber.TryParse(phone, out var number) ? number.E164 : null;
    }
}
