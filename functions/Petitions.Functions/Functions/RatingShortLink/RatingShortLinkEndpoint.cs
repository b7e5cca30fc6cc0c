using System.Text.RegularExpressions;
using Microsoft.Azure.Functions.Worker;
using Petitions.Functions.App.Http;

namespace Petitions.Functions.Functions.RatingShortLink;

/// <summary>
/// <c>GET /d/{code}</c> (đánh giá): the short link of the satisfaction SMS (<c>Public:BaseUrl</c> + <c>/d/</c> + tracking
/// code, short for one GSM-7 segment) redirects to the rating page with the code prefilled. Nothing is looked up here.
/// </summary>
public static partial class RatingShortLinkEndpoint
{
    public const string Name = "RatingShortLink";

    [Function(Name)]
    [FunctionAccess(Audience.Public)]
    public static IResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "d/{code}")] HttpRequest req, string code) =>
        TrackingCode().IsMatch(code ?? string.Empty)
            ? Results.Redirect("/rating.html?code=" + Uri.EscapeDataString(code!))
            : Results.NotFound();

    [GeneratedRegex("^[A-Za-z0-9-]{1,20}$", RegexOptions.CultureInvariant)]
    private static partial Regex TrackingCode();
}
