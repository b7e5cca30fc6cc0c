using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Petitions.Core.Cases;
using Petitions.Core.Organisation;
using Petitions.Core.Ports;
using Petitions.Core.UseCases.Common;
using Petitions.Core.UseCases.Intake;

namespace Petitions.Core.UseCases.Rating;

/// <summary>
/// POST /api/cases/{trackingCode}/rating <c>{ phone, score, comment }</c>: the citizen rates the answer, once per case,
/// verified like the lookup (tracking code and the phone the letter was filed with; a wrong phone, a malformed code and
/// an unknown code get the same 404). The rating is a case event (<see cref="CaseRated"/>) committed with the ETag, so
/// it reaches the reports through the outbox like any other. A score of 1 or 2 notifies the responsible head through
/// the staff notification path (their inbox); the notice holds the tracking code and the score, never the comment.
/// </summary>
public static partial class RateCase
{
    /// <summary>The longest comment kept.</summary>
    public const int MaxCommentLength = 1000;

    /// <summary>Scores that tell the head.</summary>
    public const int LowScore = 2;

    /// <summary>The template of the head's notice.</summary>
    public const string LowRatingTemplate = "rating.low";

    /// <summary>The request.</summary>
    public sealed record Command(string? TrackingCode, string? Phone, int? Score, string? Comment);

    /// <summary>The rating recorded.</summary>
    public sealed record Rated(string TrackingCode, int Score, DateTimeOffset RatedAt);

    /// <summary>Records ratings.</summary>
    public sealed partial class Handler(
        ICaseStore store, ICitizenDataProtector protector, CaseWriter writer, CaseIndexEntries entries, OrganisationChart chart, TimeProvider time,
        ILogger<Handler> logger)
    {
        /// <summary>201 material, or 400 (score, comment), 404 (code or phone), 409 (already rated), 422 (not answered yet).</summary>
        public async Task<UseCaseResult<Rated>> HandleAsync(Command command, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(command);
            var errors = new List<FieldError>();
            if (command.Score is not (>= Case.MinScore and <= Case.MaxScore))
            {
                errors.Add(new("score", "score.invalid", "The score is a whole number from 1 to 5.", "Điểm đánh giá là số nguyên từ 1 đến 5."));
            }

            if (command.Comment is { Length: > MaxCommentLength })
            {
                errors.Add(new("comment", "comment.tooLong", $"The comment is at most {MaxCommentLength} characters.", $"Ý kiến tối đa {MaxCommentLength} ký tự."));
            }

            if (errors.Count > 0)
            {
                return UseCaseResult.Fail<Rated>(UseCaseProblem.Invalid(errors));
            }

            for (var attempt = 0; attempt < 3; attempt++)
            {
                var stored = await VerifiedAsync(command, cancellationToken).ConfigureAwait(false);
                if (stored is null)
                {
                    return UseCaseResult.Fail<Rated>(UseCaseProblem.NotFound());
                }

                var (@case, letter, etag) = stored;
                if (@case.Rating is not null)
                {
                    return UseCaseResult.Fail<Rated>(AlreadyRated());
                }

                var before = entries.For(@case, letter);
                var now = time.GetUtcNow();
                try
                {
                    @case.Rate(command.Score!.Value, command.Comment, now);
                }
                catch (InvalidCaseTransitionException)
                {
                    return UseCaseResult.Fail<Rated>(new UseCaseProblem(
                        ProblemKind.InvalidTransition, "rating.notAnswered", "The case can be rated once it has been answered.", []));
                }

                var outcome = await writer.CommitAsync(@case, letter, etag, before, notify: Notices(@case, letter), cancellationToken: cancellationToken).ConfigureAwait(false);
                if (!outcome.Conflicted)
                {
                    LogRated(logger, @case.Id, command.Score!.Value);
                    return UseCaseResult.Ok(new Rated(@case.Id, command.Score!.Value, now));
                }
            }

            return UseCaseResult.Fail<Rated>(UseCaseProblem.Changed());
        }

        private async Task<StoredCase?> VerifiedAsync(Command command, CancellationToken cancellationToken)
        {
            var code = TrackingCode.Normalise(command.TrackingCode);
            var phone = VietnamesePhone.Normalise(command.Phone);

            // Hash even when the input is malformed, so that the answer takes about as long either way (as the lookup).
            var hash = protector.PhoneHash(phone ?? "+840000000000");
            var stored = code is null ? null : await store.FindAsync(code, cancellationToken).ConfigureAwait(false);
            var expected = stored?.Letter.PhoneHash ?? protector.PhoneHash("+849999999999");
            var matches = CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(hash), Encoding.ASCII.GetBytes(expected));
            return stored is null || phone is null || !matches ? null : stored;
        }

        private IEnumerable<NotificationRequest> Notices(Case @case, CaseLetter letter)
        {
            if (@case.Rating is not { Score: <= LowScore } rating)
            {
                yield break;
            }

            var unitId = CaseIndexEntries.UnitOf(@case, letter);
            var head = @case.ResponsibleHeadId ?? chart.StaffOf(unitId).FirstOrDefault(s => s.Role == StaffRole.Head)?.Id;
            if (head is null)
            {
                yield break;
            }

            var data = new Dictionary<string, string>
            {
                ["trackingCode"] = @case.Id,
                ["unitId"] = unitId,
                ["score"] = rating.Score.ToString(CultureInfo.InvariantCulture),
            };
            yield return new NotificationRequest(
                NotificationRequest.IdFor(@case.Id, LowRatingTemplate, NotificationAudience.Head, head), @case.Id, LowRatingTemplate, NotificationAudience.Head, head, data);
        }

        private static UseCaseProblem AlreadyRated() =>
            new(ProblemKind.Conflict, "rating.already", "The case has already been rated.", []);

        [LoggerMessage(Level = LogLevel.Information, Message = "Case {CaseId} rated {Score}")]
        private static partial void LogRated(ILogger logger, string caseId, int score);
    }
}
