using System.Globalization;
using System.Text;

namespace Petitions.Infrastructure.Storage.Tables;

/// <summary>
/// Builds OData <c>$filter</c> strings from interpolated strings with every argument turned into a
/// typed literal, so values can never change the filter's structure:
/// <c>TableFilter.Create($"PartitionKey eq {pk} and Due le {due}")</c>.
/// </summary>
public static class TableFilter
{
    /// <exception cref="ArgumentException">An argument's type has no OData literal.</exception>
    public static string Create(FormattableString filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var literals = filter.GetArguments().Select(Literal).ToArray();
        return string.Format(CultureInfo.InvariantCulture, filter.Format, literals);
    }

    /// <summary>One value as an OData literal (strings quoted with <c>''</c> escaping).</summary>
    public static string Literal(object? value) => value switch
    {
        null => "null",
        string s => "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'",
        char c => "'" + (c == '\'' ? "''" : c.ToString()) + "'",
        bool b => b ? "true" : "false",
        int i => i.ToString(CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture) + "L",
        double d => DoubleLiteral(d),
        DateTimeOffset d => "datetime'" + d.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture) + "'",
        DateTime d => "datetime'" + (d.Kind == DateTimeKind.Local ? d.ToUniversalTime() : d).ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture) + "'",
        Guid g => "guid'" + g.ToString("D") + "'",
        byte[] bytes => "X'" + Convert.ToHexStringLower(bytes) + "'",
        _ => throw new ArgumentException(
            $"A filter value of type {value.GetType().Name} has no OData literal; use string, bool, int, long, double, DateTimeOffset, DateTime, Guid or byte[].",
            nameof(value)),
    };

    private static string DoubleLiteral(double d)
    {
        if (!double.IsFinite(d))
        {
            throw new ArgumentException("A filter cannot compare with NaN or infinity.", nameof(d));
        }

        var text = d.ToString("R", CultureInfo.InvariantCulture);
        var sb = new StringBuilder(text);
        if (!text.Contains('.', StringComparison.Ordinal) && !text.Contains('E', StringComparison.Ordinal))
        {
            sb.Append(".0");
        }

        return sb.ToString();
    }
}
