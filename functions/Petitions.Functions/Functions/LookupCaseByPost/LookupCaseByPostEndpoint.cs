using Microsoft.AspNetCore.Mvc;
using Petitions.Functions.Functions.LookupCase;

namespace Petitions.Functions.Functions.LookupCaseByPost;

/// <summary><c>POST /api/cases/lookup { trackingCode, phone }</c>: the citizen's view with the phone kept out of the URL.</summary>
internal static class LookupCaseByPostEndpoint
{
    public const string Name = "LookupCaseByPost";

    public static IEndpointConventionBuilder Map(IEndpointRouteBuilder endpoints) => endpoints.MapPost("api/cases/lookup", HandleAsync);

    public static Task<IResult> HandleAsync(HttpContext http, [FromBody] LookupBody? body, Core.UseCases.Lookup.LookupCase.Handler handler, CancellationToken cancellationToken) =>
        LookupCaseEndpoint.AnswerAsync(http, body?.TrackingCode, body?.Phone, handler, cancellationToken);

    internal sealed record LookupBody(string? TrackingCode = null, string? Phone = null);
}
