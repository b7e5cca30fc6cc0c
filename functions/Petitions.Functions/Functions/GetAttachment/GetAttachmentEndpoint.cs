using Microsoft.Azure.Functions.Worker;
using Microsoft.Net.Http.Headers;
using Petitions.Functions.App;
using Petitions.Functions.App.Http;

namespace Petitions.Functions.Functions.GetAttachment;

/// <summary>
/// <c>GET /api/staff/cases/{trackingCode}/attachments/{attachmentId}</c> (staff): the file, streamed from the private
/// container with its type and name (<c>Content-Disposition: attachment</c>, never shown inline), <c>no-store</c>.
/// 403 outside the unit, and for a denunciation's file to staff who may not see the denouncer; 404 otherwise.
/// </summary>
public sealed class GetAttachmentEndpoint(Core.UseCases.Attachments.GetAttachment.Handler handler)
{
    public const string Name = "GetAttachment";

    [Function(Name)]
    [FunctionAccess(Audience.Staff, NeedsStorage = true)]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/staff/cases/{trackingCode}/attachments/{attachmentId}")] HttpRequest req,
        string trackingCode, string attachmentId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(req);
        var result = await handler.HandleAsync(new(req.Staff(), trackingCode, attachmentId), cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            return UseCaseResults.Problem(req.HttpContext, result.Problem!);
        }

        var file = result.Value!;
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(file.Name);
        req.HttpContext.Response.Headers.ContentDisposition = disposition.ToString();
        req.HttpContext.Response.ContentLength = file.Size;
        return TypedResults.Stream(file.Content, file.ContentType);
    }
}
