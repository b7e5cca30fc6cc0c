using Microsoft.Azure.Functions.Worker;
using Petitions.Functions.App;
using Petitions.Functions.App.Http;

namespace Petitions.Functions.Functions.LookupCase;

/// <summary>
/// <c>GET /api/cases/{trackingCode}?phone=…</c>: the citizen's view; a wrong phone gets the same 404 as an unknown
/// code. <c>Cache-Control: no-store</c>.
/// </summary>
public sealed class LookupCaseEndpoint(Core.UseCases.Lookup.LookupCase.Handler handler)
{
    public const string Name = "LookupCase";

    [Function(Name)]
    [FunctionAccess(Audience.Public, NeedsStorage = true)]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/cases/{trackingCode}")] HttpRequest req, string trackingCode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(req);
        return AnswerAsync(req.HttpContext, trackingCode, req.Query["phone"].ToString(), handler, cancellationToken);
    }

    internal static async Task<IResult> AnswerAsync(HttpContext http, string? trackingCode, string? phone, Core.UseCases.Lookup.LookupCase.Handler handler, CancellationToken cancellationToken)
    {
        http.Response.Headers.CacheControl = "no-store";
        var result = await handler.HandleAsync(new(trackingCode, phone), cancellationToken).ConfigureAwait(false);
        return UseCaseResults.From(http, result);
    }
}
