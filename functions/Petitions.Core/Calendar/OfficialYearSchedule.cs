using System.Text.Json;

namespace Petitions.Core.Calendar;

/// <summary>
/// The government's published schedule for one year (Schedules/vn-official-YYYY.data.json): for each
/// holiday it covers, the exact days off (holidays, compensatory days, swapped days) and the make-up
/// working days. It replaces the rules for the holidays it covers in that year; other holidays keep the rules.
/// </summary>
public sealed record OfficialYearSchedule(int Year, IReadOnlyList<ScheduleSource> Sources, IReadOnlyList<OfficialPeriod> Periods)
{
    /// <summary>The schedules shipped with the product (embedded Schedules/*.data.json), by year.</summary>
    public static IReadOnlyList<OfficialYearSchedule> Embedded { get; } =
        [.. CalendarData.ReadEmbedded(name => name.Contains(".Calendar.Schedules.", StringComparison.Ordinal) && name.EndsWith(".data.json", StringComparison.Ordinal))
            .Select(Parse)
            .OrderBy(s => s.Year)];

    /// <summary>Parses one year's schedule from its JSON form and checks it.</summary>
    public static OfficialYearSchedule Parse(string json)
    {
        OfficialYearSchedule? schedule;
        try
        {
            schedule = JsonSerializer.Deserialize<OfficialYearSchedule>(json, VietnamHolidayRules.JsonOptions);
        }
        catch (JsonException e)
        {
            throw new CalendarDataException($"An official schedule is not valid JSON: {e.Message}", e);
        }

        if (schedule is null)
        {
            throw new CalendarDataException("An official schedule is empty.");
        }

        schedule.Validate();
        return schedule;
    }

    /// <summary>The source with identifier <paramref name="id"/>.</summary>
    public ScheduleSource SourceOf(string id) => Sources.First(s => string.Equals(s.Id, id, StringComparison.Ordinal));

    private void Validate()
    {
        if (Sources is null || Sources.Count == 0 || Periods is null)
        {
            throw new CalendarDataException($"The {Year} schedule needs its sources and periods.");
        }

        foreach (var source in Sources)
        {
            if (string.IsNullOrWhiteSpace(source.Id) || string.IsNullOrWhiteSpace(source.Document) || string.IsNullOrWhiteSpace(source.Issuer))
            {
                throw new CalendarDataException($"Every source of the {Year} schedule needs an id, a document and an issuer.");
            }
        }

        foreach (var period in Periods)
        {
            if (period.Covers is null || period.Covers.Count == 0 || !Sources.Any(s => s.Id == period.Source))
            {
                throw new CalendarDataException($"A period of the {Year} schedule names no holiday or an unknown source '{period.Source}'.");
            }

            foreach (var day in (period.DaysOff ?? []).Concat(period.WorkingDays ?? []))
            {
                if (day.Date.Year != Year || string.IsNullOrWhiteSpace(day.Name))
                {
                    throw new CalendarDataException($"Day {day.Date:yyyy-MM-dd} of the {Year} schedule is outside the year or has no name.");
                }
            }

            if ((period.DaysOff ?? []).Any(d => d.Kind is DayKind.WorkingDay or DayKind.Weekend or DayKind.MakeUpWorkingDay)
                || (period.WorkingDays ?? []).Any(d => d.Kind != DayKind.MakeUpWorkingDay))
            {
                throw new CalendarDataException($"The {Year} schedule lists a day off as a working day or the reverse.");
            }
        }
    }
}

/// <summary>A published document a schedule rests on.</summary>
/// <param name="Id">Short identifier used by the periods.</param>
/// <param name="Document">Number and kind of the document (Thông báo, Công văn …).</param>
/// <param name="Issuer">Who issued or reported it.</param>
/// <param name="Date">Issue date (yyyy-MM-dd) when known.</param>
/// <param name="Url">Where it was read.</param>
/// <param name="Note">What it says, in short.</param>
public sealed record ScheduleSource(string Id, string Document, string Issuer, string? Date, string? Url, string? Note);

/// <summary>The official days around one or more holidays of the year.</summary>
/// <param name="Covers">Ids of the holiday rules this period replaces ("tet", "national-day" …).</param>
/// <param name="Source">Id of the <see cref="ScheduleSource"/>.</param>
/// <param name="From">First day of the announced break (informative; includes weekends).</param>
/// <param name="To">Last day of the announced break.</param>
/// <param name="DaysOff">Weekdays (or holidays on weekends) off, each with its kind and name.</param>
/// <param name="WorkingDays">Make-up working days (usually Saturdays).</param>
public sealed record OfficialPeriod(
    IReadOnlyList<string> Covers,
    string Source,
    DateOnly From,
    DateOnly To,
    IReadOnlyList<OfficialDay> DaysOff,
    IReadOnlyList<OfficialDay> WorkingDays);

/// <summary>One day of an official schedule.</summary>
public sealed record OfficialDay(DateOnly Date, DayKind Kind, string Name);
