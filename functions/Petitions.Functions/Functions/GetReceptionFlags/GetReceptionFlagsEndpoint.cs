using System.Globalization;
using System.Text.Json.Serialization;
using Microsoft.Azure.Functions.Worker;
using Petitions.Functions.App.Http;
using Petitions.Core.UseCases.Reception;
using Petitions.Functions.Functions.Reception;

namespace Petitions.Functions.Functions.GetReceptionFlags;

/// <summary>
/// <c>GET /api/reception/flags?month=YYYY-MM</c> (default: this month): units whose head's published schedule is
/// below the legal minimum of reception days, with the rule and its source. Public: it is about published schedules.
/// </summary>
public sealed class GetReceptionFlagsEndpoint(ReceptionCalendar calendar, TimeProvider time)
{
    public const string Name = "GetReceptionFlags";

    [Function(Name)]
    [FunctionAccess(Audience.Public)]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/reception/flags")] HttpRequest req,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(req);
        var month = req.Query["month"].ToString();
        var directory = calendar.Directory;
        var today = ReceptionResults.Today(time);
        var first = new DateOnly(today.Year, today.Month, 1);
        if (!string.IsNullOrEmpty(month) &&
            !DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out first))
        {
            return ReceptionResults.Invalid([new Core.UseCases.Common.FieldError("month", "month.invalid", "Use the form YYYY-MM.", "Tháng theo dạng YYYY-MM.")]);
        }

        var flags = (await calendar.FlagsAsync(first.Year, first.Month, cancellationToken).ConfigureAwait(false)).Select(f => new Flag(
            f.UnitId,
            directory.Chart.FindUnit(f.UnitId)?.Name ?? f.UnitId,
            f.HeadStaffId,
            f.PeriodStart,
            f.PeriodEnd,
            f.RequiredDays,
            f.ScheduledDays,
            f.Rule.Id,
            f.Rule.Source,
            f.Rule.Confirmed)).ToList();
        return Results.Json(new FlagsReport(first.ToString("yyyy-MM", CultureInfo.InvariantCulture), flags));
    }

    internal sealed record FlagsReport([property: JsonPropertyName("month")] string Month, [property: JsonPropertyName("flags")] IReadOnlyList<Flag> Flags);

    internal sealed record Flag(
        [property: JsonPropertyName("unitId")] string UnitId,
        [property: JsonPropertyName("unitName")] string UnitName,
        [property: JsonPropertyName("headStaffId")] string HeadStaffId,
        [property: JsonPropertyName("periodStart")] DateOnly PeriodStart,
        [property: JsonPropertyName("periodEnd")] DateOnly PeriodEnd,
        [property: JsonPropertyName("requiredDays")] int RequiredDays,
        [property: JsonPropertyName("scheduledDays")] int ScheduledDays,
        [property: JsonPropertyName("rule")] string Rule,
        [property: JsonPropertyName("source")] string Source,
        [property: JsonPropertyName("confirmed")] bool Confirmed);
}
