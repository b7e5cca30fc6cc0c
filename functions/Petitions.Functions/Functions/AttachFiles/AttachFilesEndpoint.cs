using Microsoft.Azure.Functions.Worker;
using Petitions.Core.UseCases.Attachments;
using Petitions.Core.UseCases.Common;
using Petitions.Functions.App;
using Petitions.Functions.App.Http;
using Petitions.Functions.Functions.GetStaffCase;

namespace Petitions.Functions.Functions.AttachFiles;

/// <summary>
/// <c>POST /api/staff/cases/{trackingCode}/attachments</c> (staff, CSRF, <c>If-Match</c>): <c>multipart/form-data</c>
/// with parts <c>files</c>. 200 with the new detail and ETag; 400 field errors (type, size, too many); 403, 404, 409,
/// 422 as for every action. Files of a request that attaches nothing are deleted again.
/// </summary>
public sealed class AttachFilesEndpoint(Core.UseCases.Attachments.AttachFiles.Handler handler, AttachmentUploads uploads)
{
    public const string Name = "AttachFiles";

    [Function(Name)]
    [FunctionAccess(Audience.Staff, NeedsStorage = true)]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/staff/cases/{trackingCode}/attachments")] HttpRequest req, string trackingCode,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(req);
        if (!LetterUpload.IsMultipart(req))
        {
            return UseCaseResults.Problem(415, "request.mediaType", "Send the files as multipart/form-data (parts named files).");
        }

        var upload = await LetterUpload.ReadAsync(req, uploads, cancellationToken).ConfigureAwait(false);
        var attached = false;
        try
        {
            if (upload.Errors.Count > 0)
            {
                return UseCaseResults.Problem(req.HttpContext, UseCaseProblem.Invalid(upload.Errors));
            }

            var result = await handler.HandleAsync(new(req.Staff(), trackingCode, req.Headers.IfMatch.ToString(), upload.Files), cancellationToken).ConfigureAwait(false);
            attached = result.Succeeded;
            return GetStaffCaseEndpoint.Detail(req.HttpContext, result);
        }
        finally
        {
            if (!attached)
            {
                await uploads.DiscardAsync(upload.Files).ConfigureAwait(false);
            }
        }
    }
}
