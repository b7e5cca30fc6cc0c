using System.Text.RegularExpressions;
using Microsoft.Azure.Functions.Worker;
using Petitions.Functions.App.Http;
using Petitions.Core.Ports;
using Petitions.Core.UseCases.Reception;

namespace Petitions.Functions.Functions.ReceptionOfferLink;

/// <summary>
/// <c>GET /r/{trackingCode}</c>: the short booking link of a reception offer SMS (<c>Public:BaseUrl</c> + <c>/r/</c> +
/// tracking code, short for one GSM-7 segment) redirects to the booking form at the responsible head's next session
/// (<see cref="ReceptionOffers.BookingPathForAsync"/>). An unknown or malformed code, or a denunciation, gets the bare
/// booking page: the redirect reveals nothing about which codes exist.
/// </summary>
public sealed partial class ReceptionOfferLinkEndpoint(ICaseStore cases, ReceptionOffers offers, TimeProvider time)
{
    public const string Name = "ReceptionOfferLink";

    [Function(Name)]
    [FunctionAccess(Audience.Public)]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "r/{trackingCode}")] HttpRequest req,
        string trackingCode,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(req);
        var http = req.HttpContext;
        http.Response.Headers.CacheControl = "no-store";
        var stored = TrackingCode().IsMatch(trackingCode ?? string.Empty)
            ? await cases.FindAsync(trackingCode!, cancellationToken).ConfigureAwait(false)
            : null;
        return Results.Redirect(await offers.BookingPathForAsync(stored, time.GetUtcNow(), cancellationToken).ConfigureAwait(false));
    }

    [GeneratedRegex("^[A-Za-z0-9-]{1,20}$", RegexOptions.CultureInvariant)]
    private static partial Regex TrackingCode();
}
