using Microsoft.Azure.Functions.Worker;
using Petitions.Functions.App.Http;
using Petitions.Core.Reception;
using Petitions.Core.UseCases.Reception;
using Petitions.Functions.Functions.Reception;

namespace Petitions.Functions.Functions.ListReceptionSessions;

/// <summary>
/// <c>GET /api/reception/{unitId}/sessions?from=YYYY-MM-DD&amp;to=YYYY-MM-DD</c>: sessions with places left
/// (default: today to 60 days ahead; at most 366 days).
/// </summary>
public sealed class ListReceptionSessionsEndpoint(ReceptionCalendar calendar, IReceptionBookings bookings, TimeProvider time)
{
    public const string Name = "ListReceptionSessions";

    public const int DefaultDays = 60;

    public const int MaxDays = 366;

    [Function(Name)]
    [FunctionAccess(Audience.Public)]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/reception/{unitId}/sessions")] HttpRequest req,
        string unitId,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(req);
        var from = req.Query["from"].ToString();
        var to = req.Query["to"].ToString();
        ArgumentNullException.ThrowIfNull(bookings);
        var directory = calendar.Directory;
        if (!directory.HasUnit(unitId))
        {
            return ReceptionResults.UnknownUnit(unitId);
        }

        var errors = new List<Core.UseCases.Common.FieldError>();
        var today = ReceptionResults.Today(time);
        var start = ReceptionResults.Date(from, "from", errors, today);
        var end = ReceptionResults.Date(to, "to", errors, (start ?? today).AddDays(DefaultDays));
        if (start is { } s && end is { } e && (e < s || e.DayNumber - s.DayNumber > MaxDays))
        {
            errors.Add(new(
                "to", "to.outOfRange", $"'to' must be on or after 'from' and at most {MaxDays} days later.",
                $"'to' phải từ ngày 'from' trở đi và không quá {MaxDays} ngày sau."));
        }

        if (errors.Count > 0)
        {
            return ReceptionResults.Invalid(errors);
        }

        var views = new List<ReceptionSessionView>();
        foreach (var session in await calendar.SessionsAsync(unitId, start!.Value, end!.Value, cancellationToken).ConfigureAwait(false))
        {
            var left = session.TakesPlace && session.Capacity > 0 ? await bookings.PlacesLeftAsync(session, cancellationToken).ConfigureAwait(false) : 0;
            views.Add(ReceptionSessionView.From(session, directory.Chart, left));
        }

        return Results.Text(ReceptionSessionView.Serialize(views), "application/json; charset=utf-8", System.Text.Encoding.UTF8);
    }
}
