using System.Globalization;
using Petitions.Core.LegalClock;
using Petitions.Core.Organisation;
using Petitions.Core.UseCases.Common;
using Petitions.Core.UseCases.Staff;

namespace Petitions.Core.UseCases.Intake;

/// <summary>
/// POST /api/staff/counter/letters: a member of staff enters a letter received on paper at their unit's counter
/// (tiếp nhận đơn tại bộ phận một cửa). The date on the paper receipt is the legal date of receipt and starts the
/// clocks: it may be earlier than today, never later, and at most <see cref="MaxDaysBack"/> days back. A date whose
/// reception limit has already passed is accepted and the case is overdue at once, with a warning. Otherwise the
/// letter is filed like any other: channel <c>counter</c>, the same tracking code, SMS and routing. No flood limit:
/// the staff enter what the counter received.
/// </summary>
public static class EnterCounterLetter
{
    /// <summary>
    /// The earliest receipt date accepted, in days before today: a date further back is far more often a typing
    /// error (2016 for 2026) than a letter found a year late, and it would fire every escalation rung at once.
    /// </summary>
    public const int MaxDaysBack = 366;

    /// <summary>The letter as entered.</summary>
    /// <param name="Who">The member of staff entering it.</param>
    /// <param name="Letter">The letter (its unit defaults to the staff member's).</param>
    /// <param name="ReceivedOn">The date on the paper receipt, yyyy-MM-dd.</param>
    /// <param name="Attachments">The scanned pages, already stored.</param>
    public sealed record Command(StaffPrincipal Who, FileCase.Command Letter, string? ReceivedOn, IReadOnlyList<FileCase.NewAttachment>? Attachments = null);

    /// <summary>The receipt (giấy biên nhận): what the staff print for the citizen.</summary>
    /// <param name="TrackingCode">The tracking code.</param>
    /// <param name="Status">received.</param>
    /// <param name="ReceivedOn">The legal date of receipt (the paper's).</param>
    /// <param name="EnteredAt">When it was entered.</param>
    /// <param name="AcknowledgeBy">The reception clock's due date (acknowledgement of receipt or thụ lý).</param>
    /// <param name="Overdue">True when that date has already passed.</param>
    /// <param name="UnitId">The unit that received it.</param>
    /// <param name="UnitName">Its name.</param>
    /// <param name="Warnings">What the staff should know (e.g. <c>receivedOn.overdue</c>).</param>
    public sealed record Receipt(
        string TrackingCode, string Status, DateOnly ReceivedOn, DateTimeOffset EnteredAt, DateOnly AcknowledgeBy, bool Overdue,
        string UnitId, string UnitName, IReadOnlyList<FieldError> Warnings)
    {
        [System.Text.Json.Serialization.JsonIgnore]
        public bool Replayed { get; init; }
    }

    /// <summary>Enters counter letters.</summary>
    public sealed class Handler(FileCase.Handler filing, OrganisationChart chart, TimeProvider time)
    {
        /// <summary>The receipt, or 400 (fields), 403 (not a handler of that unit), as filing answers otherwise.</summary>
        public async Task<UseCaseResult<Receipt>> HandleAsync(Command command, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(command);
            var letter = command.Letter with { UnitId = string.IsNullOrWhiteSpace(command.Letter.UnitId) ? command.Who.UnitId : command.Letter.UnitId };
            if (chart.FindUnit(letter.UnitId!) is { } unit && StaffAccess.Refusal(command.Who, unit.Id, StaffRight.Handle, chart) is { } why)
            {
                return UseCaseResult.Fail<Receipt>(UseCaseProblem.Forbidden(why));
            }

            var today = VietnamDate.Of(time.GetUtcNow());
            var (receivedOn, error) = ReceiptDate(command.ReceivedOn, today);
            if (error is not null)
            {
                // Report the date with the letter's own field errors, in one answer.
                var rest = Validate(letter);
                return UseCaseResult.Fail<Receipt>(UseCaseProblem.Invalid([error, .. rest]));
            }

            var intake = new FileCase.Intake(command.Who.StaffId, receivedOn, FloodLimited: false, command.Attachments ?? [], Channel: "counter");
            var filed = await filing.FileAsync(letter, intake, cancellationToken).ConfigureAwait(false);
            if (!filed.Succeeded)
            {
                return UseCaseResult.Fail<Receipt>(filed.Problem!);
            }

            var result = filed.Value!;
            var overdue = result.AcknowledgeBy < today;
            IReadOnlyList<FieldError> warnings = overdue
                ? [new("receivedOn", "receivedOn.overdue",
                    $"The reception limit counted from the receipt date ended on {result.AcknowledgeBy:yyyy-MM-dd}: the case is overdue from today.",
                    $"Thời hạn tiếp nhận tính từ ngày nhận đơn đã hết ngày {result.AcknowledgeBy.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}: hồ sơ quá hạn ngay từ hôm nay.")]
                : [];
            var at = chart.FindUnit(letter.UnitId!);
            return UseCaseResult.Ok(new Receipt(
                result.TrackingCode, result.Status, result.ReceivedOn, result.ReceivedAt, result.AcknowledgeBy, overdue,
                at?.Id ?? letter.UnitId!, at?.Name ?? letter.UnitId!, warnings) { Replayed = result.Replayed });
        }

        private IReadOnlyList<FieldError> Validate(FileCase.Command letter) =>
            FileCase.Validator.Validate(letter with { Channel = "counter" }, chart, atCounter: true).Errors;

        /// <summary>The receipt date, or the field error: required, yyyy-MM-dd, not after today, not before <see cref="MaxDaysBack"/>.</summary>
        internal static (DateOnly? Date, FieldError? Error) ReceiptDate(string? text, DateOnly today)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return (null, new("receivedOn", "receivedOn.required", "Enter the date on the paper receipt.", "Cần ghi ngày nhận đơn trên giấy biên nhận."));
            }

            if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return (null, new("receivedOn", "receivedOn.invalid", "The receipt date must be YYYY-MM-DD.", "Ngày nhận đơn phải có dạng NNNN-TT-NN."));
            }

            if (date > today)
            {
                return (null, new("receivedOn", "receivedOn.future", "The receipt date cannot be later than today.", "Ngày nhận đơn không được sau ngày hôm nay."));
            }

            if (date < today.AddDays(-MaxDaysBack))
            {
                return (null, new("receivedOn", "receivedOn.tooOld",
                    $"The receipt date is more than {MaxDaysBack} days ago; check the year.",
                    $"Ngày nhận đơn cách đây hơn {MaxDaysBack} ngày; kiểm tra lại năm."));
            }

            return (date, null);
        }
    }
}
