using System.Globalization;
using Petitions.Core.Reception;
using Petitions.Core.UseCases.Common;
using Petitions.Core.UseCases.Staff;

namespace Petitions.Core.UseCases.Reception;

/// <summary>
/// Staff record unscheduled reception (tiếp công dân đột xuất) by the unit's head, on one of the legal grounds
/// (<see cref="UnscheduledGrounds"/>): before it takes place or after. It is published beside the periodic sessions
/// with the ground's wording (the staff note stays internal), takes walk-ins and meeting records like any session,
/// is never bookable online and does not count toward the periodic minimum.
/// </summary>
public static class RecordUnscheduledReception
{
    /// <summary>How far back a reception may be recorded.</summary>
    public const int MaxDaysBack = 366;

    /// <summary>How far ahead a reception may be announced.</summary>
    public const int MaxDaysAhead = 60;

    /// <summary>The longest place.</summary>
    public const int MaxPlaceLength = 200;

    /// <summary>The longest note.</summary>
    public const int MaxNoteLength = 1000;

    /// <summary>The request, as typed.</summary>
    public sealed record Command(string UnitId, string? Date, string? Start, string? End, string? Place, string? Ground, string? Note);

    /// <summary>Records.</summary>
    public sealed class Handler(ReceptionCalendar calendar, IReceptionSessionChanges changes, TimeProvider time)
    {
        /// <summary>Records the reception; the answer's value is the occurrence.</summary>
        public async Task<StaffReceptionResult> HandleAsync(StaffPrincipal who, Command command, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(who);
            ArgumentNullException.ThrowIfNull(command);
            var chart = calendar.Directory.Chart;
            if (chart.FindUnit(command.UnitId) is null || !chart.StaffOf(command.UnitId).Any(s => s.Role == Organisation.StaffRole.Head))
            {
                return new StaffReceptionResult.NotFound("unit");
            }

            if (StaffAccess.Refusal(who, command.UnitId, StaffRight.Handle, chart) is { } why)
            {
                return new StaffReceptionResult.Forbidden(why);
            }

            var errors = new List<FieldError>();
            var today = DateOnly.FromDateTime(time.GetUtcNow().ToOffset(ReceptionOccurrence.VietnamOffset).DateTime);
            var date = ReadDate(command.Date, today, errors);
            var start = ReadTime(command.Start, "start", errors);
            var end = ReadTime(command.End, "end", errors);
            if (start is { } s && end is { } e && e <= s)
            {
                errors.Add("end", "end.beforeStart", "The reception must end after it starts.", "Giờ kết thúc phải sau giờ bắt đầu.");
            }

            var place = command.Place?.Trim();
            if (string.IsNullOrEmpty(place) || place.Length > MaxPlaceLength)
            {
                errors.Add("place", "place.required", $"Say where the head received citizens (1–{MaxPlaceLength} characters).", $"Xin ghi địa điểm tiếp (1–{MaxPlaceLength} ký tự).");
            }

            var ground = UnscheduledGrounds.Find(command.Ground);
            if (ground is null)
            {
                errors.Add("ground", "ground.invalid", $"Choose the legal ground: {string.Join(", ", UnscheduledGrounds.All.Select(g => g.Id))}.", "Xin chọn căn cứ tiếp đột xuất.");
            }

            var note = string.IsNullOrWhiteSpace(command.Note) ? null : command.Note.Trim();
            if (note is { Length: > MaxNoteLength })
            {
                errors.Add("note", "note.tooLong", $"At most {MaxNoteLength} characters.", $"Tối đa {MaxNoteLength} ký tự.");
            }

            if (errors.Count > 0)
            {
                return new StaffReceptionResult.Invalid(errors);
            }

            var session = UnscheduledReception.Record(
                command.UnitId, chart.HeadOf(command.UnitId).Id, place!, date!.Value, start!.Value, end!.Value, ground!.Vi);
            var added = await changes.AddUnscheduledAsync(
                new UnscheduledRecord(session, ground.Id, note, who.StaffId, time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
            return added
                ? new StaffReceptionResult.Done(session)
                : new StaffReceptionResult.Conflict("An unscheduled reception at this unit, day and start time is already recorded.");
        }

        private static DateOnly? ReadDate(string? value, DateOnly today, List<FieldError> errors)
        {
            if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                errors.Add("date", "date.invalid", "Use the form YYYY-MM-DD.", "Ngày theo dạng YYYY-MM-DD.");
                return null;
            }

            if (date < today.AddDays(-MaxDaysBack) || date > today.AddDays(MaxDaysAhead))
            {
                errors.Add("date", "date.outOfRange", $"Record a reception from {MaxDaysBack} days back to {MaxDaysAhead} days ahead.", $"Chỉ ghi nhận buổi tiếp trong vòng {MaxDaysBack} ngày trước đến {MaxDaysAhead} ngày sau.");
                return null;
            }

            return date;
        }

        private static TimeOnly? ReadTime(string? value, string field, List<FieldError> errors)
        {
            if (TimeOnly.TryParseExact(value, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t))
            {
                return t;
            }

            errors.Add(field, "time.invalid", "Use the form HH:mm (24-hour).", "Giờ theo dạng HH:mm (24 giờ).");
            return null;
        }
    }
}
