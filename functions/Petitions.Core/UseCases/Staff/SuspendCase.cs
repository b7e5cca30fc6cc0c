using Petitions.Core.LegalClock;
using Petitions.Core.UseCases.Common;

namespace Petitions.Core.UseCases.Staff;

/// <summary>
/// POST …/suspend <c>{ reason }</c>: tạm đình chỉ; running clocks pause. For a denunciation the suspension decision is
/// to be sent within 5 working days (Luật Tố cáo 2018, Điều 34 khoản 4): the send-suspension clock starts.
/// </summary>
public static class SuspendCase
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
                c.Suspend(reason!, command.Who.StaffId, at, calculator);
                return ActionEffects.None;
            }, cancellationToken);
        }
    }
}
