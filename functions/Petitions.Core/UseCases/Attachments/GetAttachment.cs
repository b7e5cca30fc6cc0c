using Petitions.Core.Attachments;
using Petitions.Core.Organisation;
using Petitions.Core.Ports;
using Petitions.Core.UseCases.Common;
using Petitions.Core.UseCases.Staff;

namespace Petitions.Core.UseCases.Attachments;

/// <summary>
/// GET /api/staff/cases/{trackingCode}/attachments/{attachmentId}: a file, streamed through the app to staff who may
/// read the case and see its citizen (<see cref="AttachmentAccess"/>). The container is private; there are no links.
/// </summary>
public static class GetAttachment
{
    /// <summary>The question.</summary>
    public sealed record Query(StaffPrincipal Who, string TrackingCode, string AttachmentId);

    /// <summary>The file: its name, type, size and content (the caller disposes it).</summary>
    public sealed record Download(string Name, string ContentType, long Size, Stream Content);

    /// <summary>Answers staff.</summary>
    public sealed class Handler(ICaseStore store, IAttachmentStore files, ICitizenDataProtector protector, OrganisationChart chart)
    {
        /// <summary>The file; NotFound (no such case or file), Forbidden (another unit, or a denunciation's file for staff who may not see the denouncer).</summary>
        public async Task<UseCaseResult<Download>> HandleAsync(Query query, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(query);
            var code = Intake.TrackingCode.Normalise(query.TrackingCode);
            var stored = code is null ? null : await store.FindAsync(code, cancellationToken).ConfigureAwait(false);
            if (stored is null)
            {
                return UseCaseResult.Fail<Download>(UseCaseProblem.NotFound());
            }

            var unitId = CaseIndexEntries.UnitOf(stored.Case, stored.Letter);
            if (StaffAccess.Refusal(query.Who, unitId, StaffRight.Read, chart) is { } why)
            {
                return UseCaseResult.Fail<Download>(UseCaseProblem.Forbidden(why));
            }

            if (!AttachmentAccess.MaySee(query.Who, stored.Case, unitId))
            {
                return UseCaseResult.Fail<Download>(UseCaseProblem.Forbidden("Only the assigned officer and the responsible head open a denunciation's files."));
            }

            var attachment = stored.Case.Attachments.FirstOrDefault(a => a.Id == query.AttachmentId);
            var content = attachment is null ? null : await files.OpenAsync(attachment.Id, cancellationToken).ConfigureAwait(false);
            if (attachment is null || content is null)
            {
                return UseCaseResult.Fail<Download>(new UseCaseProblem(ProblemKind.NotFound, "attachment.notFound", "No such file.", []));
            }

            var name = protector.Open(attachment.SealedName, AttachmentRules.NameContext(stored.Case.Id, attachment.Id));
            return UseCaseResult.Ok(new Download(name, attachment.ContentType, attachment.Size, content));
        }
    }
}
