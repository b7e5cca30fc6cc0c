using Petitions.Core.LegalClock;
using Petitions.Core.UseCases.Common;

namespace Petitions.Core.UseCases.Staff;

/// <summary>POST …/resume <c>{}</c>: handling resumes; due dates move by the suspended days the law excludes.</summary>
public static class ResumeCase
{
    /// <summary>The body with the user and If-Match.</summary>
    public sealed record Command(StaffPrincipal Who, string TrackingCode, string? IfMatch);

    /// <summary>Runs the action.</summary>
    public sealed class Handler(StaffActionRunner runner, DeadlineCalculator calculator)
    {
        /// <summary>The new detail, or a problem.</summary>
        public Task<UseCaseResult<CaseDetail>> HandleAsync(Command command, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(command);
            var errors = new List<FieldError>();

            if (errors.Count > 0)
            {
                return Task.FromResult(ActionText.Invalid(errors));
            }

            return runner.RunAsync(command.Who, command.TrackingCode, command.IfMatch, StaffRight.Handle, (c, _, at) =>
            {
                c.Resume(command.Who.StaffId, at, calculator);
                return ActionEffects.None;
            }, cancellationToken);
        }
    }
}
