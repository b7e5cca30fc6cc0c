using Microsoft.Azure.Functions.Worker;
using Petitions.Core.UseCases.Inbox;
using Petitions.Functions.App;
using Petitions.Functions.App.Http;

namespace Petitions.Functions.Functions.ReadStaffInboxItem;

/// <summary>
/// <c>POST /api/staff/inbox/{id}/read</c> (CSRF token required, like every state-changing staff route): marks the item
/// read; 204 each time (idempotent), 404 problem when the signed-in person has no such item. The first read of an
/// escalation by the responsible head or a supervisor records <c>seen</c> on the case.
/// </summary>
public sealed class ReadStaffInboxItemEndpoint(ReadInboxItem.Handler handler)
{
    public const string Name = "ReadStaffInboxItem";

    [Function(Name)]
    [FunctionAccess(Audience.Staff, NeedsStorage = true)]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/staff/inbox/{id}/read")] HttpRequest req, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(req);
        var result = await handler.HandleAsync(new(req.Staff(), id), cancellationToken).ConfigureAwait(false);
        return result.Succeeded ? TypedResults.NoContent() : UseCaseResults.Problem(req.HttpContext, result.Problem!);
    }
}
