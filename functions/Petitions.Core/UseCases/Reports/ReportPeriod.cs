using System.Globalization;
using Petitions.Core.Reporting;
using Petitions.Core.UseCases.Common;

namespace Petitions.Core.UseCases.Reports;

/// <summary>A span of whole months, yyyy-MM to yyyy-MM, both included.</summary>
public sealed record ReportPeriod(string From, string To)
{
    /// <summary>The longest period one report reads (three years: the towns report over three years).</summary>
    public const int MaxMonths = 36;

    /// <summary>The months of the period, oldest first.</summary>
    public IReadOnlyList<string> Months
    {
        get
        {
            var months = new List<string>();
            for (var m = From; string.CompareOrdinal(m, To) <= 0; m = CaseReportProjection.Next(m))
            {
                months.Add(m);
            }

            return months;
        }
    }

    /// <summary>Parses the query's months; adds a field error for each problem.</summary>
    public static ReportPeriod? Parse(string? from, string? to, List<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var start = Month(from, "from", errors);
        var end = Month(to, "to", errors);
        if (start is null || end is null)
        {
            return null;
        }

        if (string.CompareOrdinal(start, end) > 0)
        {
            errors.Add(new("to", "to.beforeFrom", "The period ends before it starts.", "Kỳ báo cáo kết thúc trước khi bắt đầu."));
            return null;
        }

        var period = new ReportPeriod(start, end);
        if (period.Months.Count > MaxMonths)
        {
            errors.Add(new("to", "period.tooLong", $"A report covers at most {MaxMonths} months.", $"Một báo cáo tối đa {MaxMonths} tháng."));
            return null;
        }

        return period;
    }

    /// <summary>A month (yyyy-MM), or null with a field error.</summary>
    public static string? Month(string? value, string field, List<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (value is { Length: 7 } && DateOnly.TryParseExact(value + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            return value;
        }

        errors.Add(new(field, $"{field}.invalid", $"{field} must be a month, YYYY-MM.", $"{field} phải là một tháng, dạng NNNN-TT."));
        return null;
    }

    /// <summary>The month before <paramref name="month"/>.</summary>
    public static string Previous(string month) => ReportBucket.MonthOf(ReportBucket.FirstDayOf(month).AddMonths(-1));
}
