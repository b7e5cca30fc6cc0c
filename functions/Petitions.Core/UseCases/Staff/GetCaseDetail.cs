using Petitions.Core.Organisation;
using Petitions.Core.Ports;
using Petitions.Core.UseCases.Common;

namespace Petitions.Core.UseCases.Staff;

/// <summary>GET /api/staff/cases/{trackingCode}: the full detail (timeline, clocks with explanations) and its ETag.</summary>
public static class GetCaseDetail
{
    /// <summary>The question.</summary>
    public sealed record Query(StaffPrincipal Who, string TrackingCode);

    /// <summary>Answers staff.</summary>
    public sealed class Handler(ICaseStore store, StaffCaseViews views, OrganisationChart chart, StaffWatch? watch = null)
    {
        /// <summary>The detail, NotFound, or Forbidden outside the user's units (and, for a head above, on a quiet case).</summary>
        public async Task<UseCaseResult<CaseDetail>> HandleAsync(Query query, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(query);
            var code = Intake.TrackingCode.Normalise(query.TrackingCode);
            var stored = code is null ? null : await store.FindAsync(code, cancellationToken).ConfigureAwait(false);
            if (stored is null)
            {
                return UseCaseResult.Fail<CaseDetail>(UseCaseProblem.NotFound());
            }

            var unitId = CaseIndexEntries.UnitOf(stored.Case, stored.Letter);
            // The case's unit (and the supervisor role) read it; a head above reads it only while it is at risk.
            if (StaffAccess.Refusal(query.Who, unitId, StaffRight.Read, chart) is { } why && watch?.MayRead(query.Who, stored.Case, unitId) != true)
            {
                return UseCaseResult.Fail<CaseDetail>(UseCaseProblem.Forbidden(why));
            }

            return UseCaseResult.Ok(await views.DetailAsync(query.Who, stored, cancellationToken).ConfigureAwait(false));
        }
    }
}
