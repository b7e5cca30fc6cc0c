using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Petitions.Core.Organisation;

namespace Petitions.Core.Reception;

/// <summary>
/// Reads and writes reception schedules as JSON (the documented format in docs/reception.md) and
/// validates them, reporting every problem at once with its place in the document.
/// </summary>
public static partial class ReceptionScheduleReader
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNameCaseInsensitive = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    /// <summary>
    /// Parses a JSON array of schedules. When <paramref name="chart"/> is given, units and staff
    /// must exist in it and the head must belong to the unit. Throws
    /// <see cref="ReceptionScheduleException"/> listing every problem.
    /// </summary>
    public static IReadOnlyList<ReceptionSchedule> Parse(string json, OrganisationChart? chart = null)
    {
        List<ScheduleDocument?>? docs;
        try
        {
            docs = JsonSerializer.Deserialize<List<ScheduleDocument?>>(json, Json);
        }
        catch (JsonException ex)
        {
            throw new ReceptionScheduleException([$"not valid JSON at {ex.Path} (line {ex.LineNumber + 1}): {ex.Message}"]);
        }

        if (docs is null)
        {
            throw new ReceptionScheduleException(["the document is empty; expected a JSON array of schedules"]);
        }

        var errors = new List<string>();
        var schedules = new List<ReceptionSchedule>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < docs.Count; i++)
        {
            var schedule = Validate(docs[i], $"[{i}]", chart, errors);
            if (schedule is null)
            {
                continue;
            }

            if (!ids.Add(schedule.Id))
            {
                errors.Add($"[{i}].id: '{schedule.Id}' appears twice");
            }

            schedules.Add(schedule);
        }

        return errors.Count > 0 ? throw new ReceptionScheduleException(errors) : schedules;
    }

    /// <summary>Parses one schedule object (as posted by the admin page).</summary>
    public static ReceptionSchedule ParseOne(string json, OrganisationChart? chart = null) =>
        Parse("[" + json + "]", chart)[0];

    /// <summary>Checks a schedule built in code by the same rules as the JSON; throws on problems.</summary>
    public static void EnsureValid(ReceptionSchedule schedule, OrganisationChart? chart = null)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var errors = new List<string>();
        Validate(ToDocument(schedule), schedule.Id, chart, errors);
        if (errors.Count > 0)
        {
            throw new ReceptionScheduleException(errors);
        }
    }

    /// <summary>Writes schedules in the documented JSON form (round-trips through <see cref="Parse"/>).</summary>
    public static string Serialize(IEnumerable<ReceptionSchedule> schedules) =>
        JsonSerializer.Serialize(schedules.Select(ToDocument).ToList(), Json);

    private static ScheduleDocument ToDocument(ReceptionSchedule s) => new()
    {
        Id = s.Id,
        UnitId = s.UnitId,
        HeadStaffId = s.HeadStaffId,
        StandInStaffId = s.StandInStaffId,
        Place = s.Place,
        Start = s.Start.ToString("HH:mm", CultureInfo.InvariantCulture),
        End = s.End.ToString("HH:mm", CultureInfo.InvariantCulture),
        Recurrence = s.Recurrence.Rule,
        SlotMinutes = (int)s.SlotLength.TotalMinutes,
        Capacity = s.Capacity,
        HolidayPolicy = s.HolidayPolicy,
    };

    private static ReceptionSchedule? Validate(ScheduleDocument? d, string at, OrganisationChart? chart, List<string> errors)
    {
        if (d is null)
        {
            errors.Add($"{at}: expected a schedule object, found null");
            return null;
        }

        var before = errors.Count;
        if (d.Id is null || !SafeId().IsMatch(d.Id))
        {
            errors.Add($"{at}.id: '{d.Id}' must be 1–63 lower-case letters, digits or '-'");
        }

        ValidatePeople(d, at, chart, errors);

        if (string.IsNullOrWhiteSpace(d.Place))
        {
            errors.Add($"{at}.place: the place of reception must be published (Luật Tiếp công dân 2013, Điều 2 khoản 3)");
        }

        var start = ParseTime(d.Start, $"{at}.start", errors);
        var end = ParseTime(d.End, $"{at}.end", errors);
        if (start is not null && end is not null && end <= start)
        {
            errors.Add($"{at}.end: {d.End} must be after start {d.Start}");
        }

        Recurrence? recurrence = null;
        try
        {
            recurrence = Recurrence.Parse(d.Recurrence);
        }
        catch (RecurrenceFormatException ex)
        {
            errors.Add($"{at}.recurrence: {ex.Problem} (got '{d.Recurrence}')");
        }

        if (d.SlotMinutes is not (>= 5 and <= 240))
        {
            errors.Add($"{at}.slotMinutes: {d.SlotMinutes} must be 5–240 minutes");
        }

        if (d.Capacity is not >= 1)
        {
            errors.Add($"{at}.capacity: {d.Capacity} must be at least 1");
        }
        else if (start is not null && end is not null && end > start && d.SlotMinutes is >= 5 and <= 240)
        {
            var slots = (int)((end.Value - start.Value) / TimeSpan.FromMinutes(d.SlotMinutes.Value));
            if (d.Capacity > slots)
            {
                errors.Add($"{at}.capacity: {d.Capacity} places do not fit: {d.Start}–{d.End} holds {slots} slots of {d.SlotMinutes} minutes");
            }
        }

        if (d.HolidayPolicy is null)
        {
            errors.Add($"{at}.holidayPolicy: must be moveToNextWorkingDay or cancelWithNotice");
        }

        return errors.Count > before
            ? null
            : new ReceptionSchedule(
                d.Id!,
                d.UnitId!,
                d.HeadStaffId!,
                d.StandInStaffId,
                d.Place!.Trim(),
                start!.Value,
                end!.Value,
                recurrence!,
                TimeSpan.FromMinutes(d.SlotMinutes!.Value),
                d.Capacity!.Value,
                d.HolidayPolicy!.Value);
    }

    private static void ValidatePeople(ScheduleDocument d, string at, OrganisationChart? chart, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(d.UnitId))
        {
            errors.Add($"{at}.unitId: the unit is required");
        }
        else if (chart is not null && chart.FindUnit(d.UnitId) is null)
        {
            errors.Add($"{at}.unitId: no unit '{d.UnitId}' in the organisation");
        }

        if (string.IsNullOrWhiteSpace(d.HeadStaffId))
        {
            errors.Add($"{at}.headStaffId: the receiving head is required");
        }
        else if (chart is not null)
        {
            var head = chart.FindStaff(d.HeadStaffId);
            if (head is null)
            {
                errors.Add($"{at}.headStaffId: no staff member '{d.HeadStaffId}'");
            }
            else if (head.UnitId != d.UnitId || head.Role != StaffRole.Head)
            {
                errors.Add($"{at}.headStaffId: '{d.HeadStaffId}' is not the head of unit '{d.UnitId}'");
            }
        }

        if (d.StandInStaffId is null)
        {
            return;
        }

        if (d.StandInStaffId == d.HeadStaffId)
        {
            errors.Add($"{at}.standInStaffId: the stand-in must be someone other than the head");
        }
        else if (chart?.FindStaff(d.StandInStaffId) is not { } member)
        {
            if (chart is not null)
            {
                errors.Add($"{at}.standInStaffId: no staff member '{d.StandInStaffId}'");
            }
        }
        else if (member.UnitId != d.UnitId)
        {
            errors.Add($"{at}.standInStaffId: '{d.StandInStaffId}' does not belong to unit '{d.UnitId}'");
        }
    }

    private static TimeOnly? ParseTime(string? value, string at, List<string> errors)
    {
        if (TimeOnly.TryParseExact(value, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }

        errors.Add($"{at}: '{value}' must be a local time HH:mm (Asia/Ho_Chi_Minh), e.g. 07:30");
        return null;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex SafeId();

    private sealed class ScheduleDocument
    {
        public string? Id { get; set; }

        public string? UnitId { get; set; }

        public string? HeadStaffId { get; set; }

        public string? StandInStaffId { get; set; }

        public string? Place { get; set; }

        public string? Start { get; set; }

        public string? End { get; set; }

        public string? Recurrence { get; set; }

        public int? SlotMinutes { get; set; }

        public int? Capacity { get; set; }

        public HolidayPolicy? HolidayPolicy { get; set; }
    }
}

/// <summary>Reception schedule data is invalid; <see cref="Problems"/> lists every problem found.</summary>
public sealed class ReceptionScheduleException(IReadOnlyList<string> problems)
    : Exception("The reception schedule is invalid:\n- " + string.Join("\n- ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
