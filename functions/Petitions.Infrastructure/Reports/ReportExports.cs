using System.Globalization;
using CsvHelper;
using MiniExcelLibs;
using Petitions.Core.UseCases.Reports;

namespace Petitions.Infrastructure.Reports;

/// <summary>
/// The unit report as a file for the periodic reports: CSV (RFC 4180 through CsvHelper: CRLF, quotes where needed,
/// UTF-8 with a BOM so that Excel reads the Vietnamese) or XLSX (MiniExcel). One row per month, unit and head, kind;
/// the same columns in both, headed in Vietnamese. Ids, names of units and heads, counts: no citizen's data.
/// </summary>
public static class ReportExports
{
    /// <summary>The CSV media type.</summary>
    public const string CsvType = "text/csv; charset=utf-8";

    /// <summary>The XLSX media type.</summary>
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The column headings (Vietnamese), before one column per escalation rung.</summary>
    public static readonly IReadOnlyList<string> Headings =
    [
        "Tháng", "Mã đơn vị", "Đơn vị", "Người đứng đầu", "Chức vụ", "Loại đơn", "Tiếp nhận", "Thụ lý", "Chuyển đơn/Hướng dẫn", "Không thụ lý/Trùng",
        "Rút đơn", "Đã giải quyết", "Đúng hạn", "Trễ hạn", "Số ngày trễ", "Đang giải quyết trong hạn", "Đang giải quyết quá hạn", "Tỷ lệ đúng hạn",
        "Số ngày giải quyết bình quân", "Số ngày giải quyết (phân vị 90)", "Phiếu xin lỗi", "Lượt đánh giá", "Điểm đánh giá bình quân",
    ];

    /// <summary>The file name of a report of the period.</summary>
    public static string FileName(GetUnitReport.Report report, string extension)
    {
        ArgumentNullException.ThrowIfNull(report);
        return $"bao-cao-{report.From}-{report.To}.{extension}";
    }

    /// <summary>The CSV bytes, BOM first.</summary>
    public static byte[] Csv(GetUnitReport.Report report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var (headings, rows) = Table(report);
        using var stream = new MemoryStream();
        var options = new CsvWriterOptions
        {
            Mode = CsvMode.Rfc4180,
            NewLine = "\r\n",
            WriteByteOrderMark = true,
            Escape = '"',
            Injection = CsvInjection.Escape,
            FormatProvider = CultureInfo.InvariantCulture,
        };
        using (var csv = CsvWriter.Create(stream, options, true))
        {
            csv.WriteRecord([.. headings]);
            foreach (var row in rows)
            {
                csv.WriteRecord([.. row.Select(Text)]);
            }
        }

        return stream.ToArray();
    }

    /// <summary>The XLSX bytes (one sheet, "Bao cao").</summary>
    public static byte[] Xlsx(GetUnitReport.Report report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var (headings, rows) = Table(report);
        var sheet = rows.Select(row =>
        {
            var line = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < headings.Count; i++)
            {
                line[headings[i]] = row[i];
            }

            return line;
        }).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(sheet, printHeader: true, sheetName: "Bao cao", excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    private static string Text(object? value) => value switch
    {
        null => string.Empty,
        double d => d.ToString("0.####", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static (List<string> Headings, List<object?[]> Rows) Table(GetUnitReport.Report report)
    {
        var rungs = report.Lines.SelectMany(l => l.Figures.Escalations.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var headings = new List<string>(Headings);
        headings.AddRange(rungs.Select(r => "Cảnh báo: " + r));
        var rows = report.Lines.Select(l =>
        {
            var f = l.Figures;
            var row = new List<object?>
            {
                l.Month, l.Unit.UnitId, l.Unit.UnitName, l.Unit.HeadName, l.Unit.HeadTitle, l.Kind, f.Received, f.Accepted, f.ForwardedOrGuided, f.Refused,
                f.Withdrawn, f.Resolved, f.ResolvedOnTime, f.ResolvedLate, f.DaysLate, f.OpenOnTime, f.OpenOverdue, f.OnTimeRate,
                f.MeanHandlingDays, f.P90HandlingDays, f.Apologies, f.Ratings, f.MeanRating,
            };
            row.AddRange(rungs.Select(r => (object?)f.Escalations.GetValueOrDefault(r)));
            return row.ToArray();
        }).ToList();
        return (headings, rows);
    }
}
