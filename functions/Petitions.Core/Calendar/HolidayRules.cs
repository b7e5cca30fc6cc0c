using System.Text.Json;
using System.Text.Json.Serialization;

namespace Petitions.Core.Calendar;

/// <summary>
/// Vietnam's statutory rest days as data (VietnamHolidayRules.data.json): the weekend, the public
/// holidays of Bộ luật Lao động 2019 Điều 112 and the compensation rule of Điều 111, each with its source.
/// </summary>
public sealed record VietnamHolidayRules(
    string Law,
    WeekendRule Weekend,
    CompensationRule Compensation,
    IReadOnlyList<HolidayRule> Holidays)
{
    internal static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>The rules shipped with the product (embedded VietnamHolidayRules.data.json).</summary>
    public static VietnamHolidayRules Default { get; } = Load();

    /// <summary>Parses rules from their JSON form and checks them.</summary>
    public static VietnamHolidayRules Parse(string json)
    {
        var rules = JsonSerializer.Deserialize<VietnamHolidayRules>(json, JsonOptions)
            ?? throw new CalendarDataException("The holiday rules are empty.");
        rules.Validate();
        return rules;
    }

    /// <summary>The rule with identifier <paramref name="id"/> (e.g. "tet"), or null.</summary>
    public HolidayRule? Find(string id) => Holidays.FirstOrDefault(h => string.Equals(h.Id, id, StringComparison.Ordinal));

    private static VietnamHolidayRules Load() =>
        Parse(CalendarData.ReadEmbedded(name => name.EndsWith("Calendar.VietnamHolidayRules.data.json", StringComparison.Ordinal)).Single());

    private void Validate()
    {
        if (Weekend?.Days is null || Compensation?.Source is null || Holidays is null || Holidays.Count == 0)
        {
            throw new CalendarDataException("The holiday rules need a weekend, a compensation rule and holidays.");
        }

        foreach (var holiday in Holidays)
        {
            if (string.IsNullOrWhiteSpace(holiday.Id) || string.IsNullOrWhiteSpace(holiday.Name) || string.IsNullOrWhiteSpace(holiday.Source))
            {
                throw new CalendarDataException("Every holiday rule needs an id, a name and a source.");
            }

            var maxMonthDay = holiday.Calendar == HolidayCalendar.Lunar ? 30 : 31;
            if (holiday.Month is < 1 or > 12 || holiday.Day < 1 || holiday.Day > maxMonthDay || holiday.Offsets is null || holiday.Offsets.Count == 0)
            {
                throw new CalendarDataException($"Holiday rule '{holiday.Id}' has an impossible date or no days.");
            }
        }

        if (Holidays.Select(h => h.Id).Distinct(StringComparer.Ordinal).Count() != Holidays.Count)
        {
            throw new CalendarDataException("Holiday rule ids must be unique.");
        }
    }
}

/// <summary>The weekly rest days of state agencies.</summary>
public sealed record WeekendRule(IReadOnlyList<DayOfWeek> Days, string Source);

/// <summary>Where the compensation of a holiday falling on a rest day comes from.</summary>
public sealed record CompensationRule(string Source);

/// <summary>One public holiday: an anchor date (solar or lunar) and the days off relative to it.</summary>
/// <param name="Id">Stable identifier used by official schedules ("tet", "national-day", …).</param>
/// <param name="Name">Vietnamese name.</param>
/// <param name="Calendar">Whether <paramref name="Month"/>/<paramref name="Day"/> are Gregorian or lunar.</param>
/// <param name="Month">Anchor month.</param>
/// <param name="Day">Anchor day.</param>
/// <param name="Offsets">Days off relative to the anchor (−1 = the day before).</param>
/// <param name="Source">The legal source.</param>
/// <param name="Note">How a default was chosen where the law leaves the choice to the government.</param>
public sealed record HolidayRule(
    string Id,
    string Name,
    HolidayCalendar Calendar,
    int Month,
    int Day,
    IReadOnlyList<int> Offsets,
    string Source,
    string? Note = null);

/// <summary>The calendar a holiday's anchor date is written in.</summary>
public enum HolidayCalendar
{
    /// <summary>Gregorian (dương lịch).</summary>
    Solar,

    /// <summary>Vietnamese lunisolar (âm lịch).</summary>
    Lunar,
}

/// <summary>Calendar data (rules or an official schedule) that cannot be used.</summary>
public sealed class CalendarDataException : Exception
{
    /// <summary>Creates the error.</summary>
    public CalendarDataException()
    {
    }

    /// <summary>Creates the error with a message.</summary>
    public CalendarDataException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the error with a message and its cause.</summary>
    public CalendarDataException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

internal static class CalendarData
{
    public static IEnumerable<string> ReadEmbedded(Func<string, bool> namePredicate)
    {
        var assembly = typeof(CalendarData).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(namePredicate).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)
                ?? throw new CalendarDataException($"Embedded calendar data '{name}' cannot be read.");
            using var reader = new StreamReader(stream);
            yield return reader.ReadToEnd();
        }
    }
}
