using System.Globalization;
using Microsoft.Azure.Functions.Worker;
using Petitions.Core.UseCases.Common;
using Petitions.Core.UseCases.Staff;
using Petitions.Functions.App;
using Petitions.Functions.App.Http;

namespace Petitions.Functions.Functions.ListStaffCases;

/// <summary><c>GET /api/staff/cases?view=mine|unit|due-soon|overdue|escalated&amp;pageSize=&amp;continuation=</c>.</summary>
public sealed class ListStaffCasesEndpoint(ListCases.Handler handler)
{
    public const string Name = "ListStaffCases";

    [Function(Name)]
    [FunctionAccess(Audience.Staff, NeedsStorage = true)]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/staff/cases")] HttpRequest req, CancellationToken cancellationToken)
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

        var view = q["view"].ToString() is { Length: > 0 } v ? v : "mine";
        var continuation = q["continuation"].ToString() is { Length: > 0 } c ? c : null;
        return UseCaseResults.From(req.HttpContext, await handler.HandleAsync(new(req.Staff(), view, size, continuation), cancellationToken).ConfigureAwait(false));
    }
}
