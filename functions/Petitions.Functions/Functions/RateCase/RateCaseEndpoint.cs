using Microsoft.Azure.Functions.Worker;
using Petitions.Functions.App;
using Petitions.Functions.App.Http;

namespace Petitions.Functions.Functions.RateCase;

/// <summary>
/// <c>POST /api/cases/{trackingCode}/rating { phone, score, comment }</c>: the citizen's rating, once per case. 201 with
/// the rating; 404 for a wrong code or phone (as the lookup); 409 <c>rating.already</c>; 422 <c>rating.notAnswered</c>;
/// 400 for a bad score or comment. <c>Cache-Control: no-store</c>; the phone stays in the body, out of every URL.
/// </summary>
public sealed class RateCaseEndpoint(Core.UseCases.Rating.RateCase.Handler handler)
{
    public const string Name = "RateCase";

    [Function(Name)]
    [FunctionAccess(Audience.Public, NeedsStorage = true)]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/cases/{trackingCode}/rating")] HttpRequest req,
        string trackingCode,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(req);
        var body = await req.ReadJsonAsync<RatingBody>(cancellationToken).ConfigureAwait(false);
        req.HttpContext.Response.Headers.CacheControl = "no-store";
        var result = await handler.HandleAsync(new(trackingCode, body?.Phone, body?.Score, body?.Comment), cancellationToken).ConfigureAwait(false);
        return result.Succeeded
            ? TypedResults.Created((string?)null, result.Value)
            : UseCaseResults.Problem(req.HttpContext, result.Problem!);
    }

    internal sealed record RatingBody(string? Phone = null, int? Score = null, string? Comment = null);
}
