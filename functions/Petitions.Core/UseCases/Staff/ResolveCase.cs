using System.Globalization;
using Petitions.Core.Cases;
using Petitions.Core.LegalClock;
using Petitions.Core.Ports;
using Petitions.Core.UseCases.Common;

namespace Petitions.Core.UseCases.Staff;

/// <summary>
/// POST …/resolve <c>{ decisionNumber, decisionDate, summary }</c>: records the decision or answer; the handling clocks
/// stop. For a complaint the decision's clocks start from decisionDate: sending it (Luật Khiếu nại 2011, Điều 32 / 41)
/// and, at first instance, its taking effect (Điều 44), after which the system proposes closing. The citizen gets one SMS:
/// the satisfaction question with the short link of the rating page (docs/reports.md), which also leads to the result.
/// </summary>
public static class ResolveCase
{
    /// <summary>The body with the user and If-Match.</summary>
    public sealed record Command(StaffPrincipal Who, string TrackingCode, string? IfMatch, string? DecisionNumber, string? DecisionDate, string? Summary);

    /// <summary>The template of the citizen's SMS on resolution.</summary>
    public const string SatisfactionTemplate = "case.satisfaction";

    /// <summary>The one SMS of a resolution: "was the answer satisfactory? rate it at {link}" (once per case).</summary>
    public static NotificationRequest SatisfactionQuestion(Case @case, CaseLetter letter)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(letter);
        return new NotificationRequest(
            NotificationRequest.IdFor(@case.Id, SatisfactionTemplate, NotificationAudience.Citizen, null), @case.Id, SatisfactionTemplate,
            NotificationAudience.Citizen, null, new Dictionary<string, string> { ["unitId"] = CaseIndexEntries.UnitOf(@case, letter) });
    }

    /// <summary>Resolves.</summary>
    public sealed class Handler(StaffActionRunner runner, DeadlineCalculator calculator)
    {
        /// <summary>The new detail, or a problem.</summary>
        public Task<UseCaseResult<CaseDetail>> HandleAsync(Command command, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(command);
            var errors = new List<FieldError>();
            var number = ActionText.Required(command.DecisionNumber, "decisionNumber", errors, 100);
            var summary = ActionText.Required(command.Summary, "summary", errors);
            if (!DateOnly.TryParseExact(command.DecisionDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                errors.Add(new("decisionDate", "decisionDate.invalid", "The decision date must be YYYY-MM-DD.", "Ngày quyết định phải có dạng NNNN-TT-NN."));
            }

            if (errors.Count > 0)
            {
                return Task.FromResult(ActionText.Invalid(errors));
            }

            return runner.RunAsync(command.Who, command.TrackingCode, command.IfMatch, StaffRight.Handle, (c, letter, at) =>
            {
                if (c.Status == CaseStatus.Assigned)
                {
                    c.StartWork(command.Who.StaffId, at);
                }

                c.Resolve($"{number} ({date:yyyy-MM-dd}): {summary}", command.Who.StaffId, at, calculator, date);
                return new ActionEffects([SatisfactionQuestion(c, letter)]);
            }, cancellationToken);
        }
    }
}
