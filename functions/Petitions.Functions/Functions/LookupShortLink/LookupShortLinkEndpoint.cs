using System.Text.RegularExpressions;

namespace Petitions.Functions.Functions.LookupShortLink;

/// <summary>
/// <c>GET /t/{code}</c>: the short lookup link of every SMS (<c>Public:BaseUrl</c> + <c>/t/</c> + tracking code, kept
/// short for one GSM-7 segment) redirects to the lookup page with the code prefilled. Nothing is looked up here.
/// </summary>
internal static partial class LookupShortLinkEndpoint
{
    public const string Name = "LookupShortLink";

    public static IEndpointConventionBuilder Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("t/{code}", Handle).WithName(Name);

    public static IResult Handle(string code) =>
        TrackingCode().IsMatch(code ?? string.Empty)
            ? Results.Redirect("/lookup.html?code=" + Uri.EscapeDataString(code!))
            : Results.NotFound();

    [GeneratedRegex("^[A-Za-z0-9-]{1,20}$", RegexOptions.CultureInvariant)]
    private static partial Regex TrackingCode();
}
