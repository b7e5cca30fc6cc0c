using System.Globalization;
using Petitions.Core.Cases;
using Petitions.Core.LegalClock;
using Petitions.Core.UseCases.Common;

namespace Petitions.Core.UseCases.Staff;

/// <summary>
/// The staff actions that end or start the clocks around a decision, on the staff-action path
/// (<c>POST …/cases/{trackingCode}/{action}</c>, body fields of the common action body):
/// <list type="bullet">
/// <item><c>decision-sent</c> <c>{ decisionDate? }</c> — the decision was sent on that day (default today): stops
/// send-decision (Luật Khiếu nại 2011, Điều 32), send-decision-second (Điều 41) or send-suspension (Luật Tố cáo 2018,
/// Điều 34 khoản 4).</item>
/// <item><c>second-complaint</c> / <c>lawsuit</c> <c>{ decisionDate?, reason }</c> — filed on that day against a
/// first-instance decision: stops decision-effective (Điều 44); no closing is proposed.</item>
/// <item><c>end-handling</c> <c>{ decisionNumber, decisionDate, reason }</c> — đình chỉ of a denunciation (Luật Tố cáo
/// 2018, Điều 34 khoản 3): starts send-suspension.</item>
/// <item><c>reception-answered</c> <c>{ decisionDate?, summary }</c> — the first answer after a reception session
/// (Luật Tiếp công dân 2013, Điều 28 khoản 1): stops reception-answer.</item>
/// </list>
/// Closing after the system proposed it is the ordinary <c>close</c> action (the staff confirm).
/// </summary>
public static class RecordClockAction
{
    /// <summary>The action names on the path, and the case action each one is.</summary>
    public static readonly IReadOnlyDictionary<string, CaseAction> Names = new Dictionary<string, CaseAction>(StringComparer.Ordinal)
    {
        ["decision-sent"] = CaseAction.RecordDecisionSent,
        ["second-complaint"] = CaseAction.RecordChallenge,
        ["lawsuit"] = CaseAction.RecordChallenge,
        ["end-handling"] = CaseAction.EndHandling,
        ["reception-answered"] = CaseAction.RecordReceptionAnswer,
    };

    /// <summary>
    /// The request: <paramref name="Action"/> is one of <see cref="Names"/>; <paramref name="Date"/> (yyyy-MM-dd) the
    /// day it happened; <paramref name="Number"/> the decision's number (end-handling); <paramref name="Text"/> the
    /// reason, note or summary.
    /// </summary>
    public sealed record Command(StaffPrincipal Who, string TrackingCode, string? IfMatch, string Action, string? Date, string? Number, string? Text);

    /// <summary>True when <paramref name="action"/> is one of this use case's action names.</summary>
    public static bool Handles(string? action) => action is not null && Names.ContainsKey(action);

    /// <summary>Runs the action.</summary>
    public sealed class Handler(StaffActionRunner runner, DeadlineCalculator calculator)
    {
        /// <summary>The new detail, or a problem.</summary>
        public Task<UseCaseResult<CaseDetail>> HandleAsync(Command command, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(command);
            var errors = new List<FieldError>();
            if (!Names.TryGetValue(command.Action, out var action))
            {
                errors.Add(new("action", "action.unknown", $"No such action; the actions are {string.Join(", ", Names.Keys)}.", "Không có thao tác này."));
                return Task.FromResult(ActionText.Invalid(errors));
            }

            DateOnly? date = null;
            if (!string.IsNullOrWhiteSpace(command.Date))
            {
                if (DateOnly.TryParseExact(command.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                {
                    date = parsed;
                }
                else
                {
                    errors.Add(new("decisionDate", "decisionDate.invalid", "The date must be YYYY-MM-DD.", "Ngày phải có dạng NNNN-TT-NN."));
                }
            }
            else if (action == CaseAction.EndHandling)
            {
                errors.Add(new("decisionDate", "decisionDate.required", "Give the date of the decision (YYYY-MM-DD).", "Cần ghi ngày quyết định."));
            }

            var text = action switch
            {
                CaseAction.RecordChallenge or CaseAction.EndHandling => ActionText.Required(command.Text, "reason", errors),
                CaseAction.RecordReceptionAnswer => ActionText.Required(command.Text, "summary", errors),
                _ => null,
            };
            var number = action == CaseAction.EndHandling ? ActionText.Required(command.Number, "decisionNumber", errors, 100) : null;
            if (errors.Count > 0)
            {
                return Task.FromResult(ActionText.Invalid(errors));
            }

            return runner.RunAsync(command.Who, command.TrackingCode, command.IfMatch, StaffRight.Handle, (c, _, at) =>
            {
                var on = date ?? VietnamDate.Of(at);
                var who = command.Who.StaffId;
                switch (action)
                {
                    case CaseAction.RecordDecisionSent:
                        c.RecordDecisionSent(on, who, at);
                        break;
                    case CaseAction.RecordChallenge:
                        c.RecordChallenge(command.Action, on, text!, who, at);
                        break;
                    case CaseAction.EndHandling:
                        c.EndHandling($"{number} ({on:yyyy-MM-dd}): {text}", on, who, at, calculator);
                        break;
                    default:
                        c.RecordReceptionAnswer(on, text!, who, at);
                        break;
                }

                return ActionEffects.None;
            }, cancellationToken);
        }
    }
}
