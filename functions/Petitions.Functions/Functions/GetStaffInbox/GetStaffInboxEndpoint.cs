using System.Globalization;
using Microsoft.Azure.Functions.Worker;
using Petitions.Core.UseCases.Common;
using Petitions.Core.UseCases.Inbox;
using Petitions.Functions.App;
using Petitions.Functions.App.Http;

namespace Petitions.Functions.Functions.GetStaffInbox;

/// <summary>
/// <c>GET /api/staff/inbox?unread=true&amp;pageSize=&amp;continuation=</c>: the signed-in person's inbox, newest first:
/// <c>{ items: [{ id, kind, trackingCode, template, rung, step, due, at, read }], unread, continuation }</c>.
/// </summary>
public sealed class GetStaffInboxEndpoint(GetInbox.Handler handler)
{
    public const string Name = "GetStaffInbox";

    [Function(Name)]
    [FunctionAccess(Audience.Staff, NeedsStorage = true)]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/staff/inbox")] HttpRequest req, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(req);
        var q = req.Query;
        int? size = null;
        if (q["pageSize"].ToString() is { Length: > 0 } raw)
        {
            if (!int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                return UseCaseResults.Problem(req.HttpContext, UseCaseProblem.Invalid(
                    [new("pageSize", "pageSize.invalid", "pageSize must be a whole number.", "pageSize phải là số nguyên.")]));
            }

            size = parsed;
        }

        var unread = q["unread"].ToString() is "true" or "1";
        var continuation = q["continuation"].ToString() is { Length: > 0 } c ? c : null;
        return UseCaseResults.From(req.HttpContext, await handler.HandleAsync(new(req.Staff(), unread, size, continuation), cancellationToken).ConfigureAwait(false));
    }
}
