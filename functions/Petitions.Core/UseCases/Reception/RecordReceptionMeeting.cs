using Microsoft.Extensions.Logging;
using Petitions.Core.LegalClock;
using Petitions.Core.Ports;
using Petitions.Core.UseCases.Common;
using Petitions.Core.UseCases.Staff;

namespace Petitions.Core.UseCases.Reception;

/// <summary>
/// The record of a meeting at a session (who attended, what was raised, the head's direction, the follow-up date) is
/// written on the case as an event, in one transaction guarded by the case's ETag. Unless the head answered at the
/// session (<see cref="Command.AnsweredAtSession"/>), the first answer is owed within 10 working days (Luật Tiếp công
/// dân 2013, Điều 28 khoản 1): the case's <c>letter/reception-answer</c> clock starts from the meeting day.
/// </summary>
public static partial class RecordReceptionMeeting
{
    /// <summary>The request.</summary>
    public sealed record Command(
        string SessionId, string? TrackingCode, IReadOnlyList<string>? Attendees, string? Raised, string? Direction, DateOnly? FollowUpDate,
        bool AnsweredAtSession = false);

    /// <summary>Records.</summary>
    public sealed partial class Handler(
        ReceptionCalendar calendar, ICaseStore store, CaseWriter writer, CaseIndexEntries entries, TimeProvider time, ILogger<Handler> logger,
        DeadlineCalculator? calculator = null)
    {
        /// <summary>Records the meeting; Done carries the event's sequence number.</summary>
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
            if (string.IsNullOrWhiteSpace(command.TrackingCode))
            {
                errors.Add("trackingCode", "trackingCode.required", "Name the case.", "Xin ghi mã hồ sơ.");
            }

            if (command.Attendees is not { Count: > 0 } || command.Attendees.Any(string.IsNullOrWhiteSpace))
            {
                errors.Add("attendees", "attendees.required", "Name who attended.", "Xin ghi những người tham dự.");
            }

            if (string.IsNullOrWhiteSpace(command.Raised))
            {
                errors.Add("raised", "raised.required", "Say what was raised.", "Xin ghi nội dung công dân trình bày.");
            }

            if (string.IsNullOrWhiteSpace(command.Direction))
            {
                errors.Add("direction", "direction.required", "Give the head's direction.", "Xin ghi ý kiến chỉ đạo của lãnh đạo.");
            }

            var now = time.GetUtcNow();
            if (command.FollowUpDate is { } followUp && followUp < DateOnly.FromDateTime(now.ToOffset(TimeSpan.FromHours(7)).DateTime))
            {
                errors.Add("followUpDate", "followUpDate.past", "The follow-up date is in the past.", "Ngày hẹn trả lời đã qua.");
            }

            if (errors.Count > 0)
            {
                return new StaffReceptionResult.Invalid(errors);
            }

            for (var attempt = 0; attempt < 4; attempt++)
            {
                var stored = await store.FindAsync(command.TrackingCode!.Trim().ToUpperInvariant(), cancellationToken).ConfigureAwait(false);
                if (stored is null)
                {
                    return new StaffReceptionResult.NotFound("case");
                }

                var (@case, letter, etag) = stored;
                var before = entries.For(@case, letter);
                @case.RecordReceptionMeeting(session.Id, command.Attendees!, command.Raised!, command.Direction!, command.FollowUpDate, who.StaffId, now, calculator, command.AnsweredAtSession);
                var sequence = @case.Version;
                var outcome = await writer.CommitAsync(@case, letter, etag, before, null, null, cancellationToken).ConfigureAwait(false);
                if (!outcome.Conflicted)
                {
                    LogRecorded(logger, @case.Id, session.Id);
                    return new StaffReceptionResult.Done(new Recorded(@case.Id, sequence));
                }
            }

            throw new InvalidOperationException($"Case {command.TrackingCode} kept changing while recording the meeting.");
        }

        [LoggerMessage(Level = LogLevel.Information, Message = "Case {CaseId}: reception meeting at {SessionId} recorded")]
        private static partial void LogRecorded(ILogger logger, string caseId, string sessionId);
    }

    /// <summary>What was written.</summary>
    public sealed record Recorded(string CaseId, long Sequence);
}
