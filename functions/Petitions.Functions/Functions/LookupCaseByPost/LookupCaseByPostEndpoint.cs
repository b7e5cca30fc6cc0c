using Microsoft.Azure.Functions.Worker;
using Petitions.Functions.App.Http;
using Petitions.Functions.Functions.LookupCase;

namespace Petitions.Functions.Functions.LookupCaseByPost;

/// <summary><c>POST /api/cases/lookup { trackingCode, phone }</c>: the citizen's view with the phone kept out of the URL.</summary>
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
        return await LookupCaseEndpoint.AnswerAsync(req.HttpContext, body?.TrackingCode, body?.Phone, handler, cancellationToken).ConfigureAwait(false);
    }

    internal sealed record LookupBody(string? TrackingCode = null, string? Phone = null);
}
