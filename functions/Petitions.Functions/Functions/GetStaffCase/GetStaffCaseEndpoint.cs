using Petitions.Core.UseCases.Common;
using Petitions.Core.UseCases.Staff;
using Petitions.Functions.App;
using Petitions.Functions.App.Security;

namespace Petitions.Functions.Functions.GetStaffCase;

/// <summary><c>GET /api/staff/cases/{trackingCode}</c>: the detail with its <c>ETag</c> header.</summary>
internal static class GetStaffCaseEndpoint
{
    public const string Name = "GetStaffCase";

    public static IEndpointConventionBuilder Map(IEndpointRouteBuilder endpoints) => endpoints.MapGet("api/staff/cases/{trackingCode}", HandleAsync);

    public static async Task<IResult> HandleAsync(HttpContext http, string trackingCode, StaffAuthenticator auth, GetCaseDetail.Handler handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(auth);
        ArgumentNullException.ThrowIfNull(handler);
        http.Response.Headers.CacheControl = "no-store";
        var (who, failure) = auth.Authenticate(http);
        if (who is null)
        {
            return failure!;
        }

        return Detail(http, await handler.HandleAsync(new(who, trackingCode), cancellationToken).ConfigureAwait(false));
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
