using Petitions.Core.LegalClock;
using Petitions.Core.UseCases.Common;

namespace Petitions.Core.UseCases.Staff;

/// <summary>POST …/mark-complex <c>{ reason }</c>: a complex case (vụ việc phức tạp); running clocks get the longer limit.</summary>
public static class MarkCaseComplex
{
    /// <summary>The body with the user and If-Match.</summary>
    public sealed record Command(StaffPrincipal Who, string TrackingCode, string? IfMatch, string? Reason);

    /// <summary>Runs the action.</summary>
    public sealed class Handler(StaffActionRunner runner, DeadlineCalculator calculator)
    {
        /// <summary>The new detail, or a problem.</summary>
        public Task<UseCaseResult<CaseDetail>> HandleAsync(Command command, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(command);
            var errors = new List<FieldError>();
            var reason = ActionText.Required(command.Reason, "reason", errors);

            if (errors.Count > 0)
            {
                return Task.FromResult(ActionText.Invalid(errors));
            }

            return runner.RunAsync(command.Who, command.TrackingCode, command.IfMatch, StaffRight.Handle, (c, _, at) =>
            {
                c.MarkComplex(reason!, command.Who.StaffId, at, calculator);
                return ActionEffects.None;
            }, cancellationToken);
        }
    }
}
