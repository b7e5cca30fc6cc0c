using BenchmarkDotNet.Attributes;
using Petitions.Core.Calendar;
using Petitions.Core.Organisation;
using Petitions.Core.Reception;
using Petitions.Core.UseCases.Reception;

namespace Petitions.Benchmarks.Reception;

/// <summary>
/// The ICS feed of one unit over the window GET /api/reception/{unitId}.ics serves (30 days back, 180 ahead).
/// Baseline: generating the sessions only (recurrence, working-day calendar, moves and cancellations). Against it: the
/// same sessions written as an RFC 5545 calendar. The ratio is what the feed's text costs on top of the schedule.
/// </summary>
[MemoryDiagnoser]
public class ReceptionIcsBenchmarks
{
    private const int DaysBack = 30;
    private const int DaysAhead = 180;

    private ReceptionDirectory _directory = null!;
    private ReceptionIcsWriter _writer = null!;
    private DateOnly _from;
    private DateOnly _to;
    private DateTimeOffset _stamp;

    /// <summary>
    /// qn-camtay: the demo commune's weekly schedule (Thursdays), the biggest demo feed; "today" is 20 Jan 2026, so the
    /// window holds Tết 2026 and its moved session.
    /// </summary>
    [Params("qn-camtay")]
    public string UnitId { get; set; } = "qn-camtay";

    [GlobalSetup]
    public void Setup()
    {
        var chart = OrganisationLoader.LoadDemo();
        var schedules = ReceptionDirectory.ReadSchedules(ReceptionDirectory.DemoJson(), chart);
        _directory = new ReceptionDirectory(schedules, chart, VietnamWorkingCalendar.Default);
        _writer = new ReceptionIcsWriter(chart);
        var today = new DateOnly(2026, 1, 20);
        _from = today.AddDays(-DaysBack);
        _to = today.AddDays(DaysAhead);
        _stamp = new DateTimeOffset(2026, 1, 20, 1, 0, 0, TimeSpan.Zero);

        var sessions = Occurrences();
        var feed = Feed();
        var moved = sessions.Count(s => s.Status == OccurrenceStatus.Moved);
        var events = feed.Split("BEGIN:VEVENT").Length - 1;
        Console.WriteLine($"// {UnitId}: {sessions.Count} sessions ({moved} moved) from {_from:yyyy-MM-dd} to {_to:yyyy-MM-dd}; feed of {events} events, {feed.Length} characters");
        if (sessions.Count == 0 || events < sessions.Count)
        {
            throw new InvalidOperationException($"The feed of {UnitId} has {events} events for {sessions.Count} sessions.");
        }
    }

    /// <summary>The unit's sessions in the window, placed on the working-day calendar.</summary>
    [Benchmark(Baseline = true)]
    public IReadOnlyList<ReceptionOccurrence> Occurrences() => _directory.Sessions(UnitId, _from, _to);

    /// <summary>The same sessions, written as the ICS feed (one VEVENT per session, moved ones twice).</summary>
    [Benchmark]
    public string Feed() => _writer.Write(UnitId, _directory.Sessions(UnitId, _from, _to), _stamp);
}
