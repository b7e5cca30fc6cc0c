using System.Diagnostics.CodeAnalysis;
using BenchmarkDotNet.Attributes;
using Petitions.Core.Calendar;
using Petitions.Core.LegalClock;
using Petitions.Core.UseCases;

namespace Petitions.Benchmarks.Deadlines;

/// <summary>
/// One legal deadline. Baseline: the bare due date from the same rule and the same working calendar, walked day by day
/// with no explanation (what any correct implementation must at least do). Against it: the deadline with its structured
/// explanation (every skipped day with its reason and source), and the whole answer of GET /api/deadlines
/// (validation, computation and the English sentences), without the JSON writing.
/// </summary>
[MemoryDiagnoser]
public class DeadlineBenchmarks
{
    private DeadlineCalculator _calculator = null!;
    private CalculateDeadline.Handler _handler = null!;
    private DeadlineRequest _request = null!;
    private CalculateDeadline.Query _query = null!;

    // Called through the port, as the calculator calls it: the concrete type would let the baseline skip the
    // interface dispatch the product pays.
    [SuppressMessage("Performance", "CA1859", Justification = "The baseline uses the calendar as the calculator does.")]
    private IWorkingCalendar _calendar = null!;

    /// <summary>
    /// complaint-resolve: 30 calendar days from Fri 30 Jan 2026, the last day a Sunday, so it rolls forward.
    /// petition-process: 10 working days from Thu 12 Feb 2026, across the Tết 2026 break (nine days off in a row).
    /// </summary>
    [Params("complaint-resolve", "petition-process")]
    public string Scenario { get; set; } = "complaint-resolve";

    [GlobalSetup]
    public void Setup()
    {
        _calendar = VietnamWorkingCalendar.Default;
        _calculator = new DeadlineCalculator(LegalLimits.LoadEmbedded(), _calendar);
        _handler = new CalculateDeadline.Handler(_calculator);
        (_query, _request) = Scenario switch
        {
            "complaint-resolve" => (new CalculateDeadline.Query("complaint", "resolve", "2026-01-30"),
                new DeadlineRequest("complaint", "resolve", new DateOnly(2026, 1, 30))),
            "petition-process" => (new CalculateDeadline.Query("petition", "process", "2026-02-12"),
                new DeadlineRequest("petition", "process", new DateOnly(2026, 2, 12))),
            _ => throw new InvalidOperationException($"Unknown scenario {Scenario}."),
        };

        // The three must agree, or the comparison means nothing. This also builds the calendar's year cache once,
        // as the running app does on its first request.
        var bare = DueByDayWalk();
        var explained = Compute().Due;
        var answered = ApiAnswer().Value?.Due;
        if (bare != explained || answered != explained)
        {
            throw new InvalidOperationException($"{Scenario}: the day walk gives {bare}, the calculator {explained}, the handler {answered}.");
        }
    }

    /// <summary>The same rule, then a plain walk over the calendar: count working days, or add calendar days and step off rest days.</summary>
    [Benchmark(Baseline = true)]
    public DateOnly DueByDayWalk()
    {
        var applied = _calculator.LimitFor(_request);
        var date = _request.Trigger;
        if (applied.Rule.Unit == ClockUnit.WorkingDays)
        {
            for (var counted = 0; counted < applied.Limit;)
            {
                date = date.AddDays(1);
                if (_calendar.Describe(date).IsWorkingDay)
                {
                    counted++;
                }
            }
        }
        else
        {
            date = date.AddDays(applied.Limit);
        }

        while (!_calendar.Describe(date).IsWorkingDay)
        {
            date = date.AddDays(1);
        }

        return date;
    }

    /// <summary>The product's calculator: the due date with its explanation (skipped days, reasons, sources).</summary>
    [Benchmark]
    public Deadline Compute() => _calculator.Compute(_request);

    /// <summary>The deadline endpoint's use case: validate the query, compute, and write the explanation as sentences.</summary>
    [Benchmark]
    public CalculateDeadline.Outcome ApiAnswer() => _handler.Handle(_query);
}
