using Petitions.Core.Ports;
using Petitions.Core.UseCases.Common;

namespace Petitions.Core.UseCases.Staff;

/// <summary>
/// POST /api/staff/cases/{trackingCode}/instruct <c>{ text }</c> with If-Match: a head of a level above the case's unit
/// records an instruction (chỉ đạo) on an at-risk case from the watch (<see cref="StaffWatch"/>). It is an event on the
/// case (the timeline's <c>instruction</c>), and it reaches the handling officer's and the responsible head's inbox as
/// staff notifications <c>case.instruction</c> (keyed by the case version, so a relay's repeat is one item).
/// </summary>
public static class GiveInstruction
{
    /// <summary>The longest instruction.</summary>
    public const int MaxText = 2000;

    /// <summary>The request.</summary>
    public sealed record Command(StaffPrincipal Who, string TrackingCode, string? IfMatch, string? Text);

    /// <summary>Records the instruction.</summary>
    public sealed class Handler(StaffActionRunner runner, StaffWatch watch)
    {
        /// <summary>The new detail, or a problem (403 for anyone but a head above, or on a quiet case).</summary>
        public Task<UseCaseResult<CaseDetail>> HandleAsync(Command command, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(command);
            var errors = new List<FieldError>();
            var text = ActionText.Required(command.Text, "text", errors, MaxText);
            if (errors.Count > 0)
            {
                return Task.FromResult(ActionText.Invalid(errors));
            }

            return runner.RunAsync(
                command.Who, command.TrackingCode, command.IfMatch,
                (c, letter) => watch.InstructionRefusal(command.Who, c, CaseIndexEntries.UnitOf(c, letter)),
                (c, letter, at) =>
                {
                    c.RecordInstruction(command.Who.UnitId, text!, command.Who.StaffId, at);
                    var data = new Dictionary<string, string>
                    {
                        ["trackingCode"] = c.Id, ["fromStaffId"] = command.Who.StaffId, ["fromUnitId"] = command.Who.UnitId,
                    };
                    var notify = new List<NotificationRequest>();
                    foreach (var (audience, recipient) in new[] { (NotificationAudience.Officer, c.OfficerId), (NotificationAudience.Head, c.ResponsibleHeadId) })
                    {
                        if (recipient is not null)
                        {
                            notify.Add(new(
                                NotificationRequest.IdFor(c.Id, $"case.instruction|{c.Version}", audience, recipient), c.Id, "case.instruction",
                                audience, recipient, data));
                        }
                    }

                    return new ActionEffects(notify);
                },
                cancellationToken);
        }
    }
}
