using System.Globalization;

namespace Petitions.Core.Reception;

/// <summary>
/// When a reception schedule recurs, in a compact subset of RFC 5545 RRULE syntax:
/// <list type="bullet">
/// <item><c>FREQ=WEEKLY;BYDAY=TH</c> — every Thursday (several days: <c>BYDAY=MO,TH</c>);</item>
/// <item><c>FREQ=MONTHLY;BYDAY=2TU,4TU</c> — the 2nd and 4th Tuesday (ordinal 1–4, or -1 for the last);</item>
/// <item><c>FREQ=MONTHLY;BYMONTHDAY=15</c> — the 15th of each month (29–31 fall on the last day of shorter months).</item>
/// </list>
/// Produces nominal dates only; moving off holidays is the occurrence generator's job.
/// </summary>
public abstract record Recurrence
{
    /// <summary>The compact form, e.g. <c>FREQ=MONTHLY;BYDAY=2TU,4TU</c>.</summary>
    public abstract string Rule { get; }

    /// <summary>Nominal dates in [<paramref name="from"/>, <paramref name="to"/>], ascending.</summary>
    public abstract IEnumerable<DateOnly> DatesBetween(DateOnly from, DateOnly to);

    public override string ToString() => Rule;

    /// <summary>Parses the compact form; throws <see cref="RecurrenceFormatException"/> saying what is wrong.</summary>
    public static Recurrence Parse(string? rule)
    {
        if (string.IsNullOrWhiteSpace(rule))
        {
            throw new RecurrenceFormatException(rule, "the recurrence is empty");
        }

        var parts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in rule.Trim().ToUpperInvariant().Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || !parts.TryAdd(part[..eq], part[(eq + 1)..]))
            {
                throw new RecurrenceFormatException(rule, $"'{part}' is not a NAME=VALUE part, or repeats one");
            }
        }

        var unknown = parts.Keys.Except(["FREQ", "BYDAY", "BYMONTHDAY"]).ToList();
        if (unknown.Count > 0)
        {
            throw new RecurrenceFormatException(rule, $"unsupported part(s): {string.Join(", ", unknown)} (supported: FREQ, BYDAY, BYMONTHDAY)");
        }

        parts.TryGetValue("BYDAY", out var byDay);
        parts.TryGetValue("BYMONTHDAY", out var byMonthDay);
        return parts.GetValueOrDefault("FREQ") switch
        {
            "WEEKLY" when byDay is not null && byMonthDay is null => new WeeklyRecurrence(ParseWeekdays(rule, byDay)),
            "MONTHLY" when byDay is not null && byMonthDay is null => new MonthlyNthWeekdayRecurrence(ParseNthWeekdays(rule, byDay)),
            "MONTHLY" when byMonthDay is not null && byDay is null => new MonthlyDayRecurrence(ParseMonthDay(rule, byMonthDay)),
            "WEEKLY" => throw new RecurrenceFormatException(rule, "FREQ=WEEKLY needs BYDAY (e.g. BYDAY=TH) and no BYMONTHDAY"),
            "MONTHLY" => throw new RecurrenceFormatException(rule, "FREQ=MONTHLY needs exactly one of BYDAY (e.g. 2TU,4TU or -1FR) or BYMONTHDAY (e.g. 15)"),
            null => throw new RecurrenceFormatException(rule, "FREQ is missing (WEEKLY or MONTHLY)"),
            var other => throw new RecurrenceFormatException(rule, $"FREQ={other} is not supported (WEEKLY or MONTHLY)"),
        };
    }

    internal static string DayCode(DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => "MO",
        DayOfWeek.Tuesday => "TU",
        DayOfWeek.Wednesday => "WE",
        DayOfWeek.Thursday => "TH",
        DayOfWeek.Friday => "FR",
        DayOfWeek.Saturday => "SA",
        _ => "SU",
    };

    private static DayOfWeek ParseDay(string rule, string code) => code switch
    {
        "MO" => DayOfWeek.Monday,
        "TU" => DayOfWeek.Tuesday,
        "WE" => DayOfWeek.Wednesday,
        "TH" => DayOfWeek.Thursday,
        "FR" => DayOfWeek.Friday,
        "SA" => DayOfWeek.Saturday,
        "SU" => DayOfWeek.Sunday,
        _ => throw new RecurrenceFormatException(rule, $"'{code}' is not a weekday (MO, TU, WE, TH, FR, SA, SU)"),
    };

    private static List<DayOfWeek> ParseWeekdays(string rule, string list)
    {
        var days = list.Split(',').Select(code => ParseDay(rule, code)).ToList();
        if (days.Distinct().Count() != days.Count)
        {
            throw new RecurrenceFormatException(rule, "a weekday appears twice in BYDAY");
        }

        return days;
    }

    private static List<NthWeekday> ParseNthWeekdays(string rule, string list)
    {
        var result = new List<NthWeekday>();
        foreach (var item in list.Split(','))
        {
            if (item.Length < 3
                || !int.TryParse(item[..^2], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var ordinal)
                || ordinal is not (>= 1 and <= 4 or -1))
            {
                throw new RecurrenceFormatException(rule, $"'{item}' must be an ordinal 1–4 or -1 (last) followed by a weekday, e.g. 2TU or -1FR");
            }

            var nth = new NthWeekday(ordinal, ParseDay(rule, item[^2..]));
            if (result.Contains(nth))
            {
                throw new RecurrenceFormatException(rule, $"'{item}' appears twice in BYDAY");
            }

            result.Add(nth);
        }

        return result;
    }

    private static int ParseMonthDay(string rule, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var day) && day is >= 1 and <= 31
            ? day
            : throw new RecurrenceFormatException(rule, $"BYMONTHDAY={value} must be a single day number 1–31");
}

/// <summary>Every week on the given weekdays ("every Thursday").</summary>
public sealed record WeeklyRecurrence : Recurrence
{
    public WeeklyRecurrence(IReadOnlyList<DayOfWeek> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        if (days.Count == 0)
        {
            throw new ArgumentException("At least one weekday is needed.", nameof(days));
        }

        Days = days.Distinct().OrderBy(d => ((int)d + 6) % 7).ToList();
    }

    /// <summary>The weekdays, Monday first.</summary>
    public IReadOnlyList<DayOfWeek> Days { get; }

    public override string Rule => "FREQ=WEEKLY;BYDAY=" + string.Join(',', Days.Select(DayCode));

    public override IEnumerable<DateOnly> DatesBetween(DateOnly from, DateOnly to)
    {
        for (var d = from; d <= to; d = d.AddDays(1))
        {
            if (Days.Contains(d.DayOfWeek))
            {
                yield return d;
            }
        }
    }

    public bool Equals(WeeklyRecurrence? other) => other is not null && Days.SequenceEqual(other.Days);

    public override int GetHashCode() => Rule.GetHashCode(StringComparison.Ordinal);
}

/// <summary>The nth weekday of a month: ordinal 1–4, or -1 for the last.</summary>
/// <param name="Ordinal">1–4, or -1 (last).</param>
/// <param name="Day">The weekday.</param>
public sealed record NthWeekday(int Ordinal, DayOfWeek Day)
{
    /// <summary>The date in that month.</summary>
    public DateOnly In(int year, int month)
    {
        if (Ordinal == -1)
        {
            var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
            return last.AddDays(-(((int)last.DayOfWeek - (int)Day + 7) % 7));
        }

        var first = new DateOnly(year, month, 1);
        return first.AddDays((((int)Day - (int)first.DayOfWeek + 7) % 7) + (7 * (Ordinal - 1)));
    }

    public override string ToString() => Ordinal.ToString(CultureInfo.InvariantCulture) + Recurrence.DayCode(Day);
}

/// <summary>Monthly on nth weekdays ("the 2nd and 4th Tuesday", "the last Friday").</summary>
public sealed record MonthlyNthWeekdayRecurrence : Recurrence
{
    public MonthlyNthWeekdayRecurrence(IReadOnlyList<NthWeekday> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        if (days.Count == 0)
        {
            throw new ArgumentException("At least one nth weekday is needed.", nameof(days));
        }

        Days = days.Distinct().ToList();
    }

    public IReadOnlyList<NthWeekday> Days { get; }

    public override string Rule => "FREQ=MONTHLY;BYDAY=" + string.Join(',', Days);

    public override IEnumerable<DateOnly> DatesBetween(DateOnly from, DateOnly to)
    {
        for (var month = new DateOnly(from.Year, from.Month, 1); month <= to; month = month.AddMonths(1))
        {
            foreach (var date in Days.Select(d => d.In(month.Year, month.Month)).Distinct().Order())
            {
                if (date >= from && date <= to)
                {
                    yield return date;
                }
            }
        }
    }

    public bool Equals(MonthlyNthWeekdayRecurrence? other) => other is not null && Days.SequenceEqual(other.Days);

    public override int GetHashCode() => Rule.GetHashCode(StringComparison.Ordinal);
}

/// <summary>Monthly on a day number ("the 15th"); 29–31 fall on the last day of shorter months.</summary>
/// <param name="Day">1–31.</param>
public sealed record MonthlyDayRecurrence(int Day) : Recurrence
{
    public override string Rule => "FREQ=MONTHLY;BYMONTHDAY=" + Day.ToString(CultureInfo.InvariantCulture);

    public override IEnumerable<DateOnly> DatesBetween(DateOnly from, DateOnly to)
    {
        for (var month = new DateOnly(from.Year, from.Month, 1); month <= to; month = month.AddMonths(1))
        {
            var date = new DateOnly(month.Year, month.Month, Math.Min(Day, DateTime.DaysInMonth(month.Year, month.Month)));
            if (date >= from && date <= to)
            {
                yield return date;
            }
        }
    }
}

/// <summary>A recurrence rule that cannot be read; the message says why.</summary>
public sealed class RecurrenceFormatException(string? rule, string problem)
    : FormatException($"Recurrence '{rule}': {problem}.")
{
    public string Problem { get; } = problem;
}
