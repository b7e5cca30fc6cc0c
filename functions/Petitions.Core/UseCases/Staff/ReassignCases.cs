using Petitions.Core.Ports;
using Petitions.Core.UseCases.Common;

namespace Petitions.Core.UseCases.Staff;

/// <summary>
/// POST /api/staff/desk/reassign <c>{ officerId, cases: [ { trackingCode, etag } ] }</c>: the head (or a deputy, within
/// their desk) gives several cases to another officer of the unit. Each case goes through <see cref="ReassignCase"/>
/// with its own ETag: one event on each case, a case that changed since it was read is left as it is ("changed"), and
/// one case's failure does not undo the others (each case is its own legal record and its own transaction).
/// </summary>
public static class ReassignCases
{
    /// <summary>At most this many cases in one request.</summary>
    public const int MaxCases = 50;

    /// <summary>One case with the ETag the desk showed.</summary>
    public sealed record Target(string? TrackingCode, string? ETag);

    /// <summary>The request.</summary>
    public sealed record Command(StaffPrincipal Who, string? OfficerId, IReadOnlyList<Target>? Cases);

    /// <summary>
    /// The outcome for one case: <c>reassigned</c> (with the new ETag), <c>changed</c> (409: stale ETag),
    /// <c>notAllowed</c> (422: the state does not allow it), <c>forbidden</c> (403), <c>notFound</c> (404) or
    /// <c>invalid</c> (400), with the problem's code.
    /// </summary>
    public sealed record Outcome(string TrackingCode, string Result, int Status, string? ETag, string? Code);

    /// <summary>The outcomes, in the order asked.</summary>
    public sealed record Result(string OfficerId, IReadOnlyList<Outcome> Cases);

    /// <summary>Reassigns each case.</summary>
    public sealed class Handler(ReassignCase.Handler reassign, ICaseStore store, Organisation.OrganisationChart chart)
    {
        /// <summary>The outcomes, or a validation problem / Forbidden for the request as a whole.</summary>
        public async Task<UseCaseResult<Result>> HandleAsync(Command command, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(command);
            if (DeskScope.For(command.Who, chart) is not { } scope)
            {
                return UseCaseResult.Fail<Result>(UseCaseProblem.Forbidden("Only the unit's head or a deputy reassigns cases."));
            }

            var errors = new List<FieldError>();
            if (string.IsNullOrWhiteSpace(command.OfficerId))
            {
                errors.Add(new("officerId", "officerId.required", "Fill in officerId.", "Cần chọn cán bộ nhận hồ sơ."));
            }

            if (command.Cases is not { Count: > 0 and <= MaxCases } cases || cases.Any(c => string.IsNullOrWhiteSpace(c.TrackingCode)))
            {
                errors.Add(new("cases", "cases.invalid", $"Send 1 to {MaxCases} cases, each with its trackingCode and etag.", $"Cần gửi từ 1 đến {MaxCases} hồ sơ, mỗi hồ sơ có trackingCode và etag."));
            }

            if (errors.Count > 0)
            {
                return UseCaseResult.Fail<Result>(UseCaseProblem.Invalid(errors));
            }

            var outcomes = new List<Outcome>();
            foreach (var target in command.Cases!.DistinctBy(c => c.TrackingCode!.Trim().ToUpperInvariant()))
            {
                var code = target.TrackingCode!.Trim();
                if (scope.Fields.Count > 0 && !await OnDeskAsync(scope, code, cancellationToken).ConfigureAwait(false))
                {
                    outcomes.Add(new(code, "forbidden", 403, null, "forbidden"));
                    continue;
                }

                var done = await reassign.HandleAsync(new(command.Who, code, target.ETag, command.OfficerId), cancellationToken).ConfigureAwait(false);
                outcomes.Add(done.Succeeded
                    ? new(code, "reassigned", 200, done.Value!.ETag, null)
                    : new(code, Name(done.Problem!), done.Problem!.Status, null, done.Problem.Errors.Count > 0 ? done.Problem.Errors[0].Code : done.Problem.Code));
            }

            return UseCaseResult.Ok(new Result(command.OfficerId!, outcomes));
        }

        private async Task<bool> OnDeskAsync(DeskScope scope, string code, CancellationToken cancellationToken)
        {
            var normalised = Intake.TrackingCode.Normalise(code);
            var stored = normalised is null ? null : await store.FindAsync(normalised, cancellationToken).ConfigureAwait(false);
            return stored is null || scope.Covers(stored.Case.OfficerId);
        }

        private static string Name(UseCaseProblem problem) => problem.Kind switch
        {
            ProblemKind.Conflict => "changed",
            ProblemKind.InvalidTransition => "notAllowed",
            ProblemKind.Forbidden => "forbidden",
            ProblemKind.NotFound => "notFound",
            _ => "invalid",
        };
    }
}
