using Microsoft.Azure.Functions.Worker;
using Petitions.Core.UseCases.Common;
using Petitions.Core.UseCases.Reports;
using Petitions.Functions.App;
using Petitions.Functions.App.Http;
using Petitions.Infrastructure.Reports;

namespace Petitions.Functions.Functions.GetUnitReport;

/// <summary>
/// <c>GET /api/reports/units?from=YYYY-MM&amp;to=YYYY-MM[&amp;unitId=][&amp;kind=][&amp;format=csv|xlsx]</c>: the unit report
/// within the user's units, as JSON, or as a CSV (RFC 4180, UTF-8 with BOM) or XLSX download.
/// </summary>
public sealed class GetUnitReportEndpoint(Core.UseCases.Reports.GetUnitReport.Handler handler)
{
    public const string Name = "GetUnitReport";

    [Function(Name)]
    [FunctionAccess(Audience.Staff, NeedsStorage = true)]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/reports/units")] HttpRequest req, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(req);
        var q = req.Query;
        var format = q["format"].ToString() is { Length: > 0 } f ? f : "json";
        if (format is not ("json" or "csv" or "xlsx"))
        {
            return UseCaseResults.Problem(req.HttpContext, UseCaseProblem.Invalid(
                [new("format", "format.invalid", "format is json, csv or xlsx.", "format là json, csv hoặc xlsx.")]));
        }

        var result = await handler.HandleAsync(
            new(req.Staff(), Text(q["from"]), Text(q["to"]), Text(q["unitId"]), Text(q["kind"])), cancellationToken).ConfigureAwait(false);
        req.HttpContext.Response.Headers.CacheControl = "no-store";
        if (!result.Succeeded || format == "json")
        {
            return UseCaseResults.From(req.HttpContext, result);
        }

        var report = result.Value!;
        return format == "csv"
            ? TypedResults.File(ReportExports.Csv(report), ReportExports.CsvType, ReportExports.FileName(report, "csv"))
            : TypedResults.File(ReportExports.Xlsx(report), ReportExports.XlsxType, ReportExports.FileName(report, "xlsx"));
    }

    private static string? Text(Microsoft.Extensions.Primitives.StringValues value) => value.ToString() is { Length: > 0 } s ? s : null;
}
