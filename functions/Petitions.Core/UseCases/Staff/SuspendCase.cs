using Petitions.Core.UseCases.Common;

namespace Petitions.Core.UseCases.Staff;

/// <summary>POST …/suspend <c>{ reason }</c>: tạm đình chỉ; running clocks pause.</summary>
public static class SuspendCase
{
    /// <summary>The body with the user and If-Match.</summary>
    public sealed record Command(StaffPrincipal Who, string TrackingCode, string? IfMatch, string? Reason);

    /// <summary>Runs the action.</summary>
    public sealed class Handler(StaffActionRunner runner)
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
                c.Suspend(reason!, command.Who.StaffId, at);
                return ActionEffects.None;
            }, cancellationToken);
        }
    }
}
