using Petitions.Core.Attachments;
using Petitions.Core.Cases;
using Petitions.Core.Ports;
using Petitions.Core.UseCases.Common;
using Petitions.Core.UseCases.Intake;
using Petitions.Core.UseCases.Staff;

namespace Petitions.Core.UseCases.Attachments;

/// <summary>
/// POST /api/staff/cases/{trackingCode}/attachments with If-Match: the staff attach stored files (scanned pages, photos)
/// to an open case of their unit; at most <see cref="Case.MaxAttachments"/> in all. Each is an <c>attachmentAdded</c> event.
/// </summary>
public static class AttachFiles
{
    /// <summary>The files to attach (already stored by <see cref="AttachmentUploads"/>).</summary>
    public sealed record Command(StaffPrincipal Who, string TrackingCode, string? IfMatch, IReadOnlyList<FileCase.NewAttachment> Files);

    /// <summary>Attaches.</summary>
    public sealed class Handler(StaffActionRunner runner, ICitizenDataProtector protector)
    {
        /// <summary>The new detail, or 400 (no file, too many), 403, 404, 409, 422 as for every staff action.</summary>
        public Task<UseCaseResult<CaseDetail>> HandleAsync(Command command, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(command);
            if (command.Files.Count == 0)
            {
                return Task.FromResult(UseCaseResult.Fail<CaseDetail>(UseCaseProblem.Invalid(
                    [new("files", "files.required", "Choose at least one file.", "Cần chọn ít nhất một tệp.")])));
            }

            var tooMany = false;
            return Guard(runner.RunAsync(command.Who, command.TrackingCode, command.IfMatch, StaffRight.Handle, (@case, _, now) =>
            {
                if (command.Files.Count > @case.AttachmentsLeft)
                {
                    tooMany = true;
                    throw new InvalidCaseTransitionException(@case.Id, @case.Status, CaseAction.AttachFile, $"a case has at most {Case.MaxAttachments} files");
                }

                foreach (var file in command.Files)
                {
                    @case.Attach(new CaseAttachment(file.Id, protector.Seal(file.Name, AttachmentRules.NameContext(@case.Id, file.Id)), file.Size, file.ContentType, command.Who.StaffId, now), command.Who.StaffId, now);
                }

                return ActionEffects.None;
            }, cancellationToken), () => tooMany);
        }

        private static async Task<UseCaseResult<CaseDetail>> Guard(Task<UseCaseResult<CaseDetail>> run, Func<bool> tooMany)
        {
            var result = await run.ConfigureAwait(false);
            return !result.Succeeded && tooMany() ? UseCaseResult.Fail<CaseDetail>(UseCaseProblem.Invalid([AttachmentRules.TooMany("files")])) : result;
        }
    }
}
