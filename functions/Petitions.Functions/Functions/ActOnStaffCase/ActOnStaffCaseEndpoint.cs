using System.Globalization;
using Microsoft.Azure.Functions.Worker;
using Petitions.Core.UseCases.Common;
using Petitions.Core.UseCases.Staff;
using Petitions.Functions.App;
using Petitions.Functions.App.Http;
using Petitions.Functions.Functions.GetStaffCase;

namespace Petitions.Functions.Functions.ActOnStaffCase;

/// <summary>
/// <c>POST /api/staff/cases/{trackingCode}/{action}</c> with <c>If-Match</c>: runs the action's use case and answers the
/// new detail with its new ETag; 409 <c>case.changed</c> on a stale ETag, 403 outside the user's unit or role, 422 when
/// the state does not allow it, 404 for an unknown action.
/// </summary>
public sealed class ActOnStaffCaseEndpoint(IServiceProvider services)
{
    public const string Name = "ActOnStaffCase";

    public static readonly IReadOnlyList<string> Actions =
        ["classify", "reassign", "mark-complex", "extend", "suspend", "resume", "resolve", "close", "withdraw", "filing-obstacle", "instruct",
            .. RecordClockAction.Names.Keys];

    [Function(Name)]
    [FunctionAccess(Audience.Staff, NeedsStorage = true)]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/staff/cases/{trackingCode}/{action}")] HttpRequest req,
        string trackingCode,
        string action,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(req);
        var who = req.Staff();
        var b = await req.ReadJsonAsync<ActionBody>(cancellationToken).ConfigureAwait(false) ?? new ActionBody();
        var ifMatch = req.Headers.IfMatch.ToString();
        T Use<T>()
            where T : notnull => services.GetRequiredService<T>();
        if (action == "filing-obstacle" && ObstacleDates(b) is { Count: > 0 } dateErrors)
        {
            return UseCaseResults.Problem(req.HttpContext, UseCaseProblem.Invalid(dateErrors));
        }

        Task<UseCaseResult<CaseDetail>>? run = action switch
        {
            "classify" => Use<ClassifyCase.Handler>().HandleAsync(new(who, trackingCode, ifMatch, b.Decision, b.Reason, b.TargetUnitId, b.DuplicateOf), cancellationToken),
            "reassign" => Use<ReassignCase.Handler>().HandleAsync(new(who, trackingCode, ifMatch, b.OfficerId), cancellationToken),
            "mark-complex" => Use<MarkCaseComplex.Handler>().HandleAsync(new(who, trackingCode, ifMatch, b.Reason), cancellationToken),
            "extend" => Use<ExtendCase.Handler>().HandleAsync(new(who, trackingCode, ifMatch, b.Reason, b.EspeciallyComplex ?? false), cancellationToken),
            "suspend" => Use<SuspendCase.Handler>().HandleAsync(new(who, trackingCode, ifMatch, b.Reason), cancellationToken),
            "resume" => Use<ResumeCase.Handler>().HandleAsync(new(who, trackingCode, ifMatch), cancellationToken),
            "resolve" => Use<ResolveCase.Handler>().HandleAsync(new(who, trackingCode, ifMatch, b.DecisionNumber, b.DecisionDate, b.Summary), cancellationToken),
            "close" => Use<CloseCase.Handler>().HandleAsync(new(who, trackingCode, ifMatch), cancellationToken),
            "withdraw" => Use<WithdrawCase.Handler>().HandleAsync(new(who, trackingCode, ifMatch, b.Partial ?? false, b.Reason), cancellationToken),
            "instruct" => Use<GiveInstruction.Handler>().HandleAsync(new(who, trackingCode, ifMatch, b.Text), cancellationToken),
            "filing-obstacle" => Use<RecordFilingObstacle.Handler>().HandleAsync(
                new(who, trackingCode, ifMatch, Date(b.From), Date(b.Until), b.Cause), cancellationToken),
            _ when RecordClockAction.Handles(action) => Use<RecordClockAction.Handler>().HandleAsync(
                new(who, trackingCode, ifMatch, action, b.DecisionDate, b.DecisionNumber, b.Summary ?? b.Reason), cancellationToken),
            _ => null,
        };
        if (run is null)
        {
            return UseCaseResults.Problem(404, "action.unknown", $"No such action; the actions are {string.Join(", ", Actions)}.");
        }

        return GetStaffCaseEndpoint.Detail(req.HttpContext, await run.ConfigureAwait(false));
    }

    /// <summary>A filing obstacle's dates, when given, must be yyyy-MM-dd (a missing one is the use case's error).</summary>
    private static List<FieldError> ObstacleDates(ActionBody body)
    {
        var errors = new List<FieldError>();
        foreach (var (field, value) in new[] { ("from", body.From), ("until", body.Until) })
        {
            if (value is { Length: > 0 } && Date(value) is null)
            {
                errors.Add(new(field, field + ".invalid", $"{field} must be a date written yyyy-MM-dd.", $"Ngày {field} phải viết theo dạng yyyy-MM-dd."));
            }
        }

        return errors;
    }

    private static DateOnly? Date(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    /// <summary>The union of the actions' bodies (docs/api.md); each action reads its own fields.</summary>
    internal sealed record ActionBody(
        string? Decision = null,
        string? Reason = null,
        string? TargetUnitId = null,
        string? DuplicateOf = null,
        string? OfficerId = null,
        string? DecisionNumber = null,
        string? DecisionDate = null,
        string? Summary = null,
        bool? Partial = null,
        bool? EspeciallyComplex = null,
        string? From = null,
        string? Until = null,
        string? Cause = null,
        string? Text = null);
}
