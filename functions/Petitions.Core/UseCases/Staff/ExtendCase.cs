using Petitions.Core.LegalClock;
using Petitions.Core.UseCases.Common;

namespace Petitions.Core.UseCases.Staff;

/// <summary>POST …/extend <c>{ reason, especiallyComplex }</c>: the head extends a denunciation's resolution (Luật Tố cáo 2018, Điều 30).</summary>
public static class ExtendCase
{
    /// <summary>The body with the user and If-Match.</summary>
    public sealed record Command(StaffPrincipal Who, string TrackingCode, string? IfMatch, string? Reason, bool EspeciallyComplex = false);

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

            return runner.RunAsync(command.Who, command.TrackingCode, command.IfMatch, StaffRight.Direct, (c, _, at) =>
            {
                c.Extend(reason!, command.EspeciallyComplex, command.Who.StaffId, at, calculator);
                return ActionEffects.None;
            }, cancellationToken);
        }
    }
}
