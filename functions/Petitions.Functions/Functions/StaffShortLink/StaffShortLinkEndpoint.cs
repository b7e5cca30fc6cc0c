using System.Text.RegularExpressions;
using Microsoft.Azure.Functions.Worker;
using Petitions.Functions.App.Http;

namespace Petitions.Functions.Functions.StaffShortLink;

/// <summary>
/// The short links of staff messages (kept outside <c>api/</c> so they fit one GSM-7 segment, like the citizens'
/// <c>/t/{code}</c>): <c>GET /s/{code}</c> → 302 to the staff case page, <c>GET /s</c> → 302 to the inbox. Nothing is
/// looked up here; the pages ask the person to sign in and check their right to the case as always.
/// </summary>
public static partial class StaffShortLinkEndpoint
{
    public const string CaseName = "StaffCaseShortLink";

    public const string InboxName = "StaffInboxShortLink";

    [Function(CaseName)]
    [FunctionAccess(Audience.Public)]
    public static IResult Case([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "s/{code}")] HttpRequest req, string code) =>
        TrackingCode().IsMatch(code ?? string.Empty)
            ? Results.Redirect("/staff/case.html?code=" + Uri.EscapeDataString(code!))
            : Results.NotFound();

    [Function(InboxName)]
    [FunctionAccess(Audience.Public)]
    public static IResult Inbox([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "s")] HttpRequest req) =>
        Results.Redirect("/staff/inbox.html");

    [GeneratedRegex("^[A-Za-z0-9-]{1,20}$", RegexOptions.CultureInvariant)]
    private static partial Regex TrackingCode();
}
