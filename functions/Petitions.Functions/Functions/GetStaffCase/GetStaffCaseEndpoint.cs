using Microsoft.Azure.Functions.Worker;
using Petitions.Core.UseCases.Common;
using Petitions.Core.UseCases.Staff;
using Petitions.Functions.App;
using Petitions.Functions.App.Http;

namespace Petitions.Functions.Functions.GetStaffCase;

/// <summary><c>GET /api/staff/cases/{trackingCode}</c>: the detail with its <c>ETag</c> header.</summary>
public sealed class GetStaffCaseEndpoint(GetCaseDetail.Handler handler)
{
    public const string Name = "GetStaffCase";

    [Function(Name)]
    [FunctionAccess(Audience.Staff, NeedsStorage = true)]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/staff/cases/{trackingCode}")] HttpRequest req, string trackingCode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(req);
        return Detail(req.HttpContext, await handler.HandleAsync(new(req.Staff(), trackingCode), cancellationToken).ConfigureAwait(false));
    }

    /// <summary>200 with the detail and its ETag (quoted, as HTTP wants it), or the problem.</summary>
    internal static IResult Detail(HttpContext http, UseCaseResult<CaseDetail> result)
    {
        if (!result.Succeeded)
        {
            return UseCaseResults.Problem(http, result.Problem!);
        }

        var etag = result.Value!.ETag;
        http.Response.Headers.ETag = etag.StartsWith('"') || etag.StartsWith("W/", StringComparison.Ordinal) ? etag : $"\"{etag}\"";
        return TypedResults.Ok(result.Value);
    }
}
