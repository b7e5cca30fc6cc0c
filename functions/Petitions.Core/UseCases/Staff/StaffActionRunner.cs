using Microsoft.Extensions.Logging;
using Petitions.Core.Cases;
using Petitions.Core.Organisation;
using Petitions.Core.Ports;
using Petitions.Core.UseCases.Common;

namespace Petitions.Core.UseCases.Staff;

/// <summary>What an action adds besides the case's own events: notifications, and work for the queues (both in the outbox).</summary>
public sealed record ActionEffects(IReadOnlyList<NotificationRequest> Notify, IReadOnlyList<WorkItem>? Work = null)
{
    /// <summary>No notifications, no work.</summary>
    public static readonly ActionEffects None = new([]);
}

/// <summary>
/// The common path of every staff action: find the case, check the unit and role, require the ETag (If-Match) and
/// compare it, apply the action to the aggregate (an event with actor and time), commit guarded by the ETag, answer
/// the new detail. Stale ETag → Conflict "case.changed"; state not allowing it → InvalidTransition (422).
/// </summary>
public sealed partial class StaffActionRunner(
    ICaseStore store, CaseWriter writer, CaseIndexEntries entries, StaffCaseViews views, OrganisationChart chart, TimeProvider time,
    ILogger<StaffActionRunner> logger)
{
    /// <summary>The organisation (for validators).</summary>
    public OrganisationChart Chart => chart;

    /// <summary>Runs one action.</summary>
    public Task<UseCaseResult<CaseDetail>> RunAsync(
        StaffPrincipal who,
        string? trackingCode,
        string? ifMatch,
        StaffRight permission,
        Func<Case, CaseLetter, DateTimeOffset, ActionEffects> apply,
        CancellationToken cancellationToken = default) =>
        RunAsync(who, trackingCode, ifMatch, (c, letter) => StaffAccess.Refusal(who, CaseIndexEntries.UnitOf(c, letter), permission, chart), apply, cancellationToken);

    /// <summary>Runs one action whose access rule is not a unit right (<paramref name="refusal"/>: why not, or null).</summary>
    public async Task<UseCaseResult<CaseDetail>> RunAsync(
        StaffPrincipal who,
        string? trackingCode,
        string? ifMatch,
        Func<Case, CaseLetter, string?> refusal,
        Func<Case, CaseLetter, DateTimeOffset, ActionEffects> apply,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(who);
        ArgumentNullException.ThrowIfNull(apply);
        if (string.IsNullOrWhiteSpace(ifMatch))
        {
            return UseCaseResult.Fail<CaseDetail>(UseCaseProblem.Invalid(
                [new("If-Match", "ifMatch.required", "Send the case's ETag in If-Match.", "Cần gửi ETag của hồ sơ trong If-Match.")]));
        }

        var code = Intake.TrackingCode.Normalise(trackingCode);
        var stored = code is null ? null : await store.FindAsync(code, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return UseCaseResult.Fail<CaseDetail>(UseCaseProblem.NotFound());
        }

        var (@case, letter, etag) = stored;
        if (refusal(@case, letter) is { } why)
        {
            return UseCaseResult.Fail<CaseDetail>(UseCaseProblem.Forbidden(why));
        }

        if (!string.Equals(Unquote(ifMatch), Unquote(etag), StringComparison.Ordinal))
        {
            return UseCaseResult.Fail<CaseDetail>(UseCaseProblem.Changed());
        }

        var before = entries.For(@case, letter);
        var now = time.GetUtcNow();
        ActionEffects effects;
        try
        {
            effects = apply(@case, letter, now);
        }
        catch (InvalidCaseTransitionException e)
        {
            return UseCaseResult.Fail<CaseDetail>(UseCaseProblem.InvalidTransition(e.Message));
        }

        var outcome = await writer.CommitAsync(@case, letter, etag, before, effects.Work, effects.Notify, cancellationToken).ConfigureAwait(false);
        if (outcome.Conflicted)
        {
            return UseCaseResult.Fail<CaseDetail>(UseCaseProblem.Changed());
        }

        LogActed(logger, @case.Id, who.StaffId, @case.Status.ToString());
        var detail = await views.DetailAsync(who, new StoredCase(@case, letter, outcome.ETag!), cancellationToken).ConfigureAwait(false);
        return UseCaseResult.Ok(detail);
    }

    private static string Unquote(string etag)
    {
        var e = etag.Trim();
        return e.StartsWith("W/", StringComparison.Ordinal) ? e[2..] : e;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Case {CaseId}: action by {StaffId}, now {Status}")]
    private static partial void LogActed(ILogger logger, string caseId, string staffId, string status);
}
