using Petitions.Core.Citizens;
using Petitions.Core.Ports;
using Petitions.Core.Reception;

using Petitions.Core.UseCases.Common;

namespace Petitions.Core.UseCases.Reception;

/// <summary>
/// A citizen books a place at a session (web or Zalo): the request is checked field by field, one place is claimed
/// (never more bookings than places), the code is indexed, the reminder scheduled (the day before, not before
/// 07:00) and the confirmation requested at once.
/// </summary>
public static class BookReception
{
    /// <summary>A person as typed.</summary>
    public sealed record PersonInput(string? Name, string? Phone);

    /// <summary>The request as typed.</summary>
    public sealed record Command(
        string? SessionId, PersonInput? Citizen, string? Topic, string? TrackingCode, string? Channel, IReadOnlyList<PersonInput>? Representatives);

    /// <summary>The outcome.</summary>
    public abstract record Result
    {
        private Result()
        {
        }

        /// <summary>Booked (201).</summary>
        public sealed record Booked(ReceptionBooking Booking, ReceptionOccurrence Session) : Result;

        /// <summary>No place left (409).</summary>
        public sealed record Full(string SessionId) : Result;

        /// <summary>Field errors (400).</summary>
        public sealed record Invalid(IReadOnlyList<FieldError> Errors) : Result;
    }

    /// <summary>Longest name accepted.</summary>
    public const int MaxName = 100;

    /// <summary>Longest topic accepted.</summary>
    public const int MaxTopic = 1000;

    /// <summary>Books.</summary>
    public sealed class Handler(
        ReceptionCalendar calendar, IReceptionBookings bookings, INotificationRequests notifications, ReceptionNotices notices, TimeProvider time)
    {
        /// <summary>Books a place.</summary>
        public async Task<Result> HandleAsync(Command command, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(command);
            var errors = new List<FieldError>();
            var session = await calendar.FindSessionAsync(command.SessionId, cancellationToken).ConfigureAwait(false);
            if (session is null)
            {
                errors.Add("sessionId", "session.unknown", "No such reception session.", "Không có buổi tiếp này.");
            }

            var citizen = ReadPerson(command.Citizen, "citizen", phoneRequired: true, errors);
            var others = new List<Person>();
            for (var i = 0; i < (command.Representatives?.Count ?? 0); i++)
            {
                if (ReadPerson(command.Representatives![i], $"representatives[{i}]", phoneRequired: false, errors) is { } other)
                {
                    others.Add(other);
                }
            }

            var topic = command.Topic?.Trim();
            if (string.IsNullOrEmpty(topic) || topic.Length > MaxTopic)
            {
                errors.Add("topic", "topic.required", $"Say what you want to raise (1–{MaxTopic} characters).", $"Xin nêu nội dung muốn trình bày (1–{MaxTopic} ký tự).");
            }

            var tracking = string.IsNullOrWhiteSpace(command.TrackingCode) ? null : command.TrackingCode.Trim().ToUpperInvariant();
            if (tracking is not null && (tracking.Length > 12 || !tracking.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')))
            {
                errors.Add("trackingCode", "trackingCode.invalid", "A tracking code has at most 12 letters, digits or dashes.", "Mã hồ sơ có tối đa 12 chữ cái, chữ số hoặc dấu gạch ngang.");
            }

            BookingChannel? channel = (command.Channel?.Trim().ToUpperInvariant()) switch
            {
                null or "" or "WEB" => BookingChannel.Web,
                "ZALO" => BookingChannel.Zalo,
                _ => null,
            };
            if (channel is null)
            {
                errors.Add("channel", "channel.invalid", "The channel is web or zalo.", "Kênh đăng ký là web hoặc zalo.");
            }

            if (errors.Count > 0)
            {
                return new Result.Invalid(errors);
            }

            var now = time.GetUtcNow();
            if (ReceptionFieldErrors.SessionRefusal(session!, now, walkIn: false) is { } closed)
            {
                return new Result.Invalid([closed]);
            }

            var request = new BookingRequest(session!.Id, citizen!, topic!, tracking, channel!.Value, others);
            var outcome = await bookings.BookAsync(session, calendar.SlotLengthOf(session), request, now, cancellationToken).ConfigureAwait(false);
            switch (outcome)
            {
                case BookingOutcome.Full:
                    return new Result.Full(session.Id);
                case BookingOutcome.Refused refused:
                    return new Result.Invalid([ReceptionFieldErrors.StoreRefusal(refused.Problem)]);
            }

            var booking = ((BookingOutcome.Confirmed)outcome).Booking;
            await Confirm(booking, session, now, cancellationToken).ConfigureAwait(false);
            return new Result.Booked(booking, session);
        }

        /// <summary>Indexes the code, schedules the reminder and requests the confirmation.</summary>
        internal async Task Confirm(ReceptionBooking booking, ReceptionOccurrence session, DateTimeOffset now, CancellationToken cancellationToken)
        {
            var slot = new DateTimeOffset(session.Date.ToDateTime(booking.SlotStart ?? session.Start), ReceptionOccurrence.VietnamOffset);
            await bookings.RememberAsync(booking, ReminderTiming.ReminderFor(slot, now), cancellationToken).ConfigureAwait(false);
            await notifications.RequestAsync(notices.AppointmentFor(booking, session), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Reads a person; adds errors under <paramref name="field"/>.</summary>
    internal static Person? ReadPerson(PersonInput? input, string field, bool phoneRequired, List<FieldError> errors)
    {
        var name = input?.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > MaxName)
        {
            errors.Add(field + ".name", "name.required", $"Give a name (1–{MaxName} characters).", $"Xin ghi họ tên (1–{MaxName} ký tự).");
        }

        string? phone = null;
        if (!string.IsNullOrWhiteSpace(input?.Phone))
        {
            if (PhoneNumber.TryParse(input.Phone, out var parsed))
            {
                phone = "0" + parsed.NationalSignificantNumber;
            }
            else
            {
                errors.Add(field + ".phone", "phone.invalid", "Give a Vietnamese mobile number, e.g. 0912 345 678.", "Xin ghi số điện thoại di động Việt Nam, ví dụ 0912 345 678.");
            }
        }
        else if (phoneRequired)
        {
            errors.Add(field + ".phone", "phone.required", "Give a mobile number for the SMS confirmation.", "Xin ghi số điện thoại di động để nhận tin nhắn xác nhận.");
        }

        return errors.Has(field) ? null : new Person(name!, phone);
    }
}
