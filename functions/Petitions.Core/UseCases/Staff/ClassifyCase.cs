using Petitions.Core.Cases;
using Petitions.Core.LegalClock;
using Petitions.Core.Ports;
using Petitions.Core.UseCases.Common;

namespace Petitions.Core.UseCases.Staff;

/// <summary>
/// POST …/classify: accept (thụ lý), forward (to another unit), guide (to the competent body), refuse (with the legal
/// reason) or mark as duplicate. A forward (chuyển đơn) puts the case on <c>case-intake</c> through the outbox, in the
/// same transaction: the unit it was forwarded to receives it there (ProcessCase) and the citizen hears of it.
/// </summary>
public static class ClassifyCase
{
    /// <summary>The body <c>{ decision, reason, targetUnitId, duplicateOf }</c> with the user and If-Match.</summary>
    public sealed record Command(StaffPrincipal Who, string TrackingCode, string? IfMatch, string? Decision, string? Reason = null, string? TargetUnitId = null, string? DuplicateOf = null);

    /// <summary>Classifies.</summary>
    public sealed class Handler(StaffActionRunner runner, DeadlineCalculator calculator)
    {
        /// <summary>The new detail, or a problem.</summary>
        public Task<UseCaseResult<CaseDetail>> HandleAsync(Command command, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(command);
            var errors = new List<FieldError>();
            string? reason = null, target = null, duplicate = null;
            switch (command.Decision)
            {
                case "accept":
                    break;
                case "forward":
                    reason = ActionText.Required(command.Reason, "reason", errors);
                    target = ActionText.Required(command.TargetUnitId, "targetUnitId", errors, 64);
                    if (target is not null && runner.Chart.FindUnit(target) is null)
                    {
                        errors.Add(new("targetUnitId", "unitId.unknown", "There is no such unit.", "Không có cơ quan này."));
                    }

                    break;
                case "guide":
                case "refuse":
                    reason = ActionText.Required(command.Reason, "reason", errors);
                    break;
                case "duplicate":
                    duplicate = Intake.TrackingCode.Normalise(command.DuplicateOf);
                    if (duplicate is null)
                    {
                        errors.Add(new("duplicateOf", "duplicateOf.invalid", "Give the tracking code of the earlier case.", "Cần ghi mã hồ sơ trùng."));
                    }

                    break;
                default:
                    errors.Add(new("decision", "decision.invalid", "The decision must be accept, forward, guide, refuse or duplicate.", "Quyết định phải là thụ lý, chuyển, hướng dẫn, không thụ lý hoặc trùng."));
                    break;
            }

            if (errors.Count > 0)
            {
                return Task.FromResult(ActionText.Invalid(errors));
            }

            return runner.RunAsync(command.Who, command.TrackingCode, command.IfMatch, StaffRight.Handle, (c, letter, at) =>
            {
                var actor = command.Who.StaffId;
                switch (command.Decision)
                {
                    case "accept":
                        c.Accept(actor, at, calculator);
                        break;
                    case "forward":
                        var from = CaseIndexEntries.UnitOf(c, letter);
                        if (target == from)
                        {
                            throw new InvalidCaseTransitionException(c.Id, c.Status, CaseAction.Forward, "the case is already with that unit");
                        }

                        c.Forward(target!, reason!, actor, at);
                        return new ActionEffects([Forwarded(c, from, target!)], [new WorkItem(CaseQueues.Intake, CaseWriter.MessageFor(c.Id))]);
                    case "guide":
                        c.Guide(reason!, actor, at);
                        break;
                    case "refuse":
                        c.Refuse(reason!, actor, at);
                        break;
                    default:
                        c.MarkDuplicate(duplicate!, actor, at);
                        break;
                }

                return ActionEffects.None;
            }, cancellationToken);

            // The citizen hears where the letter went (for a denunciation the dispatcher sends the denunciation-safe
            // text: code and link only). The receiving unit's head hears of it once that unit has received it.
            static NotificationRequest Forwarded(Case c, string fromUnit, string toUnit) => new(
                NotificationRequest.IdFor(c.Id, $"case.forwarded|{c.Version}", NotificationAudience.Citizen, null), c.Id, "case.forwarded",
                NotificationAudience.Citizen, null,
                new Dictionary<string, string> { ["trackingCode"] = c.Id, ["unitId"] = fromUnit, ["otherUnitId"] = toUnit });
        }
    }
}
