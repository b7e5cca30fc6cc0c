using Petitions.Core.Organisation;
using Petitions.Core.Ports;
using Petitions.Core.UseCases.Common;

namespace Petitions.Core.UseCases.Staff;

/// <summary>POST …/reassign <c>{ officerId }</c>: the head (or deputy) names another officer of the unit.</summary>
public static class ReassignCase
{
    /// <summary>The body with the user and If-Match.</summary>
    public sealed record Command(StaffPrincipal Who, string TrackingCode, string? IfMatch, string? OfficerId);

    /// <summary>Reassigns.</summary>
    public sealed class Handler(StaffActionRunner runner)
    {
        /// <summary>The new detail, or a problem.</summary>
        public Task<UseCaseResult<CaseDetail>> HandleAsync(Command command, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(command);
            var errors = new List<FieldError>();
            var officer = ActionText.Required(command.OfficerId, "officerId", errors, 64);
            if (officer is not null && runner.Chart.FindStaff(officer) is not { Role: StaffRole.Officer or StaffRole.Deputy })
            {
                errors.Add(new("officerId", "officerId.unknown", "There is no such officer.", "Không có cán bộ này."));
                officer = null;
            }

            if (errors.Count > 0)
            {
                return Task.FromResult(ActionText.Invalid(errors));
            }

            return runner.RunAsync(command.Who, command.TrackingCode, command.IfMatch, StaffRight.Direct, (c, letter, at) =>
            {
                if (runner.Chart.FindStaff(officer)!.UnitId != CaseIndexEntries.UnitOf(c, letter))
                {
                    throw new Cases.InvalidCaseTransitionException(c.Id, c.Status, Cases.CaseAction.Assign, "the officer belongs to another unit");
                }

                c.Reassign(officer!, command.Who.StaffId, at);
                var data = new Dictionary<string, string> { ["trackingCode"] = c.Id };
                return new ActionEffects([new(
                    NotificationRequest.IdFor(c.Id, $"case.assigned|{c.Version}", NotificationAudience.Officer, officer), c.Id, "case.assigned",
                    NotificationAudience.Officer, officer, data)]);
            }, cancellationToken);
        }
    }
}
