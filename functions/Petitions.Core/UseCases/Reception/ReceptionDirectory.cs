using System.Globalization;
using System.Text.Json;
using Petitions.Core.Calendar;
using Petitions.Core.Organisation;
using Petitions.Core.Reception;

namespace Petitions.Core.UseCases.Reception;

/// <summary>
/// The published reception schedules of every unit, validated against the organisation, and the sessions they give
/// on the working-day calendar. Loaded once at start (<c>Reception:SchedulesPath</c>, else the embedded demo).
/// </summary>
public sealed class ReceptionDirectory
{
    /// <summary>The embedded demo schedules (clearly marked demo).</summary>
    public const string DemoResourceName = "Petitions.Core.Reception.demo-reception-schedules.data.json";

    /// <summary>How far ahead the next session of a head is looked for.</summary>
    public const int LookAheadDays = 70;

    private readonly OccurrenceGenerator _generator;
    private readonly IReadOnlyList<SessionCancellation> _cancellations;

    /// <summary>Creates the directory over validated schedules.</summary>
    public ReceptionDirectory(
        IReadOnlyList<ReceptionSchedule> schedules,
        OrganisationChart chart,
        IWorkingCalendar calendar,
        IReadOnlyList<SessionCancellation>? cancellations = null)
    {
        Schedules = schedules ?? throw new ArgumentNullException(nameof(schedules));
        Chart = chart ?? throw new ArgumentNullException(nameof(chart));
        _generator = new OccurrenceGenerator(calendar);
        _cancellations = cancellations ?? [];
        Checker = new ReceptionMinimumChecker(_generator, LegalMinimums.All);
    }

    /// <summary>The schedules.</summary>
    public IReadOnlyList<ReceptionSchedule> Schedules { get; }

    /// <summary>The organisation.</summary>
    public OrganisationChart Chart { get; }

    /// <summary>The legal-minimum checker over the shipped minimums.</summary>
    public ReceptionMinimumChecker Checker { get; }

    /// <summary>
    /// Reads schedules: a JSON array of schedules, or an object <c>{"demo":…,"schedules":[…]}</c>; everything is
    /// validated against the organisation (<see cref="ReceptionScheduleException"/> names each problem).
    /// </summary>
    public static IReadOnlyList<ReceptionSchedule> ReadSchedules(string json, OrganisationChart chart)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = JsonDocument.Parse(json);
        var array = document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("schedules", out var inner)
            ? inner.GetRawText()
            : json;
        return ReceptionScheduleReader.Parse(array, chart);
    }

    /// <summary>The embedded demo schedules' JSON.</summary>
    public static string DemoJson()
    {
        using var stream = typeof(ReceptionDirectory).Assembly.GetManifestResourceStream(DemoResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {DemoResourceName} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Whether the unit exists.</summary>
    public bool HasUnit(string unitId) => Chart.FindUnit(unitId) is not null;

    /// <summary>
    /// Every session of the unit's schedules whose original or actual date is in [from, to], by start;
    /// <paramref name="cancellations"/> (staff's, from storage) add to those the directory was built with.
    /// </summary>
    public IReadOnlyList<ReceptionOccurrence> Sessions(string unitId, DateOnly from, DateOnly to, IReadOnlyList<SessionCancellation>? cancellations = null) =>
        [.. Schedules.Where(s => s.UnitId == unitId)
            .SelectMany(s => _generator.Generate(s, from, to, With(cancellations)))
            .OrderBy(o => o.StartsAt).ThenBy(o => o.Id, StringComparer.Ordinal)];

    /// <summary>The session with this id (<c>{scheduleId}-{yyyyMMdd}</c>), or null.</summary>
    public ReceptionOccurrence? FindSession(string? sessionId, IReadOnlyList<SessionCancellation>? cancellations = null)
    {
        if (sessionId is not { Length: > 9 } || sessionId[^9] != '-' ||
            !DateOnly.TryParseExact(sessionId[^8..], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var original))
        {
            return null;
        }

        var schedule = Schedules.FirstOrDefault(s => s.Id == sessionId[..^9]);
        return schedule is null ? null : _generator.Generate(schedule, original, original, With(cancellations)).FirstOrDefault(o => o.Id == sessionId);
    }

    /// <summary>The schedule a session belongs to.</summary>
    public ReceptionSchedule ScheduleOf(ReceptionOccurrence session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return Schedules.First(s => s.Id == session.ScheduleId);
    }

    /// <summary>The first session of the head's own schedules that starts after <paramref name="after"/> and takes place.</summary>
    public ReceptionOccurrence? NextSessionOf(string headStaffId, DateTimeOffset after, IReadOnlyList<SessionCancellation>? cancellations = null)
    {
        var today = DateOnly.FromDateTime(after.ToOffset(ReceptionOccurrence.VietnamOffset).DateTime);
        return Schedules.Where(s => s.HeadStaffId == headStaffId)
            .SelectMany(s => _generator.Generate(s, today, today.AddDays(LookAheadDays), With(cancellations)))
            .Where(o => o.TakesPlace && o.StartsAt > after)
            .OrderBy(o => o.StartsAt)
            .FirstOrDefault();
    }

    /// <summary>Shortfalls against the legal minimum of every unit's head in the month (empty = all compliant).</summary>
    public IReadOnlyList<MinimumShortfall> Flags(int year, int month, IReadOnlyList<SessionCancellation>? cancellations = null) =>
        [.. Chart.Units
            .Where(u => Chart.StaffOf(u.Id).Any(s => s.Role == StaffRole.Head))
            .SelectMany(u => Checker.CheckMonth(u, Chart.HeadOf(u.Id).Id, Schedules, year, month, With(cancellations)))];

    private IReadOnlyList<SessionCancellation> With(IReadOnlyList<SessionCancellation>? more) =>
        more is not { Count: > 0 } ? _cancellations : [.. _cancellations, .. more];
}
