using System.Globalization;
using Petitions.Core.UseCases.Common;
using Petitions.Core.UseCases.Staff;
using Petitions.Functions.App;
using Petitions.Functions.App.Security;

namespace Petitions.Functions.Functions.ListStaffCases;

/// <summary><c>GET /api/staff/cases?view=mine|unit|due-soon|overdue|escalated&amp;pageSize=&amp;continuation=</c>.</summary>
internal static class ListStaffCasesEndpoint
{
    public const string Name = "ListStaffCases";

    public static IEndpointConventionBuilder Map(IEndpointRouteBuilder endpoints) => endpoints.MapGet("api/staff/cases", HandleAsync);

    public static async Task<IResult> HandleAsync(HttpContext http, StaffAuthenticator auth, ListCases.Handler handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(auth);
        ArgumentNullException.ThrowIfNull(handler);
        http.Response.Headers.CacheControl = "no-store";
        var (who, failure) = auth.Authenticate(http);
        if (who is null)
        {
            return failure!;
        }

        var q = http.Request.Query;
        int? size = null;
        if (q["pageSize"].ToString() is { Length: > 0 } raw)
        {
            if (!int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                return UseCaseResults.Problem(http, UseCaseProblem.Invalid(
                    [new("pageSize", "pageSize.invalid", "pageSize must be a whole number.", "pageSize phải là số nguyên.")]));
            }

            size = parsed;
        }

        var view = q["view"].ToString() is { Length: > 0 } v ? v : "mine";
        var continuation = q["continuation"].ToString() is { Length: > 0 } c ? c : null;
        return UseCaseResults.From(http, await handler.HandleAsync(new(who, view, size, continuation), cancellationToken).ConfigureAwait(false));
    }
}
