using Petitions.Functions.App;

namespace Petitions.Functions.Functions.LookupCase;

/// <summary>
/// <c>GET /api/cases/{trackingCode}?phone=…</c>: the citizen's view; a wrong phone gets the same 404 as an unknown
/// code. <c>Cache-Control: no-store</c>.
/// </summary>
internal static class LookupCaseEndpoint
{
    public const string Name = "LookupCase";

    public static IEndpointConventionBuilder Map(IEndpointRouteBuilder endpoints) => endpoints.MapGet("api/cases/{trackingCode}", HandleAsync);

    public static Task<IResult> HandleAsync(HttpContext http, string trackingCode, Core.UseCases.Lookup.LookupCase.Handler handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        return AnswerAsync(http, trackingCode, http.Request.Query["phone"].ToString(), handler, cancellationToken);
    }

    internal static async Task<IResult> AnswerAsync(HttpContext http, string? trackingCode, string? phone, Core.UseCases.Lookup.LookupCase.Handler handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(handler);
        http.Response.Headers.CacheControl = "no-store";
        var result = await handler.HandleAsync(new(trackingCode, phone), cancellationToken).ConfigureAwait(false);
        return UseCaseResults.From(http, result);
    }
}
