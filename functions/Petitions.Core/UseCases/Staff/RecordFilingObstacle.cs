using Petitions.Core.UseCases.Common;

namespace Petitions.Core.UseCases.Staff;

/// <summary>
/// POST …/filing-obstacle <c>{ from, until, cause }</c>: the officer records an objective obstacle (illness, natural
/// disaster, enemy action, work or study far away, another objective obstacle) that kept the complainant from filing;
/// those days are not counted in the filing limit (thời hiệu, Luật Khiếu nại 2011, Điều 9) and the deadline's
/// explanation lists them.
/// </summary>
public static class RecordFilingObstacle
{
    /// <summary>The body with the user and If-Match (dates already parsed as yyyy-MM-dd by the adapter).</summary>
    public sealed record Command(StaffPrincipal Who, string TrackingCode, string? IfMatch, DateOnly? From, DateOnly? Until, string? Cause);

    /// <summary>Runs the action.</summary>
    public sealed class Handler(StaffActionRunner runner)
    {
        /// <summary>The new detail, or a problem.</summary>
        public Task<UseCaseResult<CaseDetail>> HandleAsync(Command command, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(command);
            var errors = new List<FieldError>();
            var cause = ActionText.Required(command.Cause, "cause", errors);
            if (command.From is null)
            {
                errors.Add(new("from", "from.required", "Fill in from (yyyy-MM-dd).", "Cần ghi ngày bắt đầu trở ngại (from)."));
            }

            if (command.Until is null)
            {
                errors.Add(new("until", "until.required", "Fill in until (yyyy-MM-dd).", "Cần ghi ngày kết thúc trở ngại (until)."));
            }

            if (errors.Count > 0)
            {
                return Task.FromResult(ActionText.Invalid(errors));
            }

            return runner.RunAsync(command.Who, command.TrackingCode, command.IfMatch, StaffRight.Handle, (c, _, at) =>
            {
                c.RecordFilingObstacle(command.From!.Value, command.Until!.Value, cause!, command.Who.StaffId, at);
                return ActionEffects.None;
            }, cancellationToken);
        }
    }
}
