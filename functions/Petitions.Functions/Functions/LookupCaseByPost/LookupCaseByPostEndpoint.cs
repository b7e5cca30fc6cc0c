using Microsoft.Azure.Functions.Worker;
using Petitions.Functions.App.Http;
using Petitions.Functions.App;

namespace Petitions.Functions.Functions.LookupCaseByPost;

/// <summary>
/// <c>POST /api/cases/lookup { trackingCode, phone }</c>: the citizen's view; a wrong phone gets the same 404 as an
/// unknown code; <c>Cache-Control: no-store</c>. The only lookup: the phone is personal data and stays out of every URL
/// (the old <c>GET /api/cases/{code}?phone=</c> put it in URLs and request logs, issue 19, and is retired).
/// </summary>
public sealed class LookupCaseByPostEndpoint(Core.UseCases.Lookup.LookupCase.Handler handler)
{
    public const string Name = "LookupCaseByPost";

    [Function(Name)]
    [FunctionAccess(Audience.Public, NeedsStorage = true)]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/cases/lookup")] HttpRequest req, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(req);
        var body = await req.ReadJsonAsync<LookupBody>(cancellationToken).ConfigureAwait(false);
        req.HttpContext.Response.Headers.CacheControl = "no-store";
        var result = await handler.HandleAsync(new(body?.TrackingCode, body?.Phone), cancellationToken).ConfigureAwait(false);
        return UseCaseResults.From(req.HttpContext, result);
    }

    internal sealed record LookupBody(string? TrackingCode = null, string? Phone = null);
}
