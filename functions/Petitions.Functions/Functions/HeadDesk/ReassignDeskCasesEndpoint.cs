using Microsoft.Azure.Functions.Worker;
using Petitions.Core.UseCases.Staff;
using Petitions.Functions.App;
using Petitions.Functions.App.Http;

namespace Petitions.Functions.Functions.HeadDesk;

/// <summary>
/// <c>POST /api/staff/desk/reassign</c> <c>{ officerId, cases: [ { trackingCode, etag } ] }</c>: several cases to one
/// officer, each guarded by its own ETag; 200 with one outcome per case (docs/api.md).
/// </summary>
public sealed class ReassignDeskCasesEndpoint(ReassignCases.Handler handler)
{
    public const string Name = "ReassignDeskCases";

    [Function(Name)]
    [FunctionAccess(Audience.Staff, NeedsStorage = true)]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/staff/desk/reassign")] HttpRequest req, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(req);
        var body = await req.ReadJsonAsync<Body>(cancellationToken).ConfigureAwait(false) ?? new Body(null, null);
        var cases = body.Cases?.Select(c => new ReassignCases.Target(c.TrackingCode, c.ETag)).ToList();
        return UseCaseResults.From(req.HttpContext, await handler.HandleAsync(new(req.Staff(), body.OfficerId, cases), cancellationToken).ConfigureAwait(false));
    }

    /// <summary>The request body.</summary>
    public sealed record Body(string? OfficerId, IReadOnlyList<CaseRef>? Cases);

    /// <summary>One case and the ETag it was read with.</summary>
    public sealed record CaseRef(string? TrackingCode, string? ETag);
}
