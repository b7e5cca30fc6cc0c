using System.Text.RegularExpressions;
using Microsoft.Azure.Functions.Worker;
using Petitions.Functions.App.Http;

namespace Petitions.Functions.Functions.LookupShortLink;

/// <summary>
/// <c>GET /t/{code}</c>: the short lookup link of every SMS (<c>Public:BaseUrl</c> + <c>/t/</c> + tracking code, kept
/// short for one GSM-7 segment) redirects to the lookup page with the code prefilled. Nothing is looked up here.
/// </summary>
public static partial class LookupShortLinkEndpoint
{
    public const string Name = "LookupShortLink";

    [Function(Name)]
    [FunctionAccess(Audience.Public)]
    public static IResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "t/{code}")] HttpRequest req, string code) =>
        TrackingCode().IsMatch(code ?? string.Empty)
            ? Results.Redirect("/lookup.html?code=" + Uri.EscapeDataString(code!))
            : Results.NotFound();

    [GeneratedRegex("^[A-Za-z0-9-]{1,20}$", RegexOptions.CultureInvariant)]
    private static partial Regex TrackingCode();
}
