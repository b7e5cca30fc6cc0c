using System.Globalization;
using Petitions.Core.Calendar;
using Petitions.Core.Cases;
using Petitions.Core.LegalClock;
using Petitions.Core.Organisation;

namespace Petitions.TestKit;

/// <summary>A generated case: the aggregate (its clocks), the unit it was filed with and its events.</summary>
public sealed record GeneratedCase(Case Case, string FiledUnitId, IReadOnlyList<CaseEvent> Events);

/// <summary>What the generator intended, counted per unit and month (yyyy-MM) as docs/reports.md defines the figures.</summary>
public sealed class ExpectedTally
{
    public int Received { get; set; }

    public int Accepted { get; set; }

    public int ForwardedOrGuided { get; set; }

    public int Withdrawn { get; set; }

    public int Resolved { get; set; }

    public int ResolvedOnTime { get; set; }

    public int ResolvedLate { get; set; }

    public int DaysLate { get; set; }

    public int Ratings { get; set; }

    public int RatingPoints { get; set; }
}

/// <summary>
/// Generates cases through the real aggregate (so their clocks are the law's) with outcomes known by construction: a
/// case meant to be on time is resolved on or before the due date in force, one meant to be late a known number of days
/// after it. Extended and suspended cases meant to be on time are resolved after their original due date and within the
/// extended or shifted one, so only a report that judges against the deadline in force counts them on time. Seeded:
/// the same seed gives the same cases.
/// </summary>
public sealed class GeneratedCases
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);
    private readonly OrganisationChart _chart;
    private readonly DeadlineCalculator _calculator;
    private readonly Random _random;
    private readonly string[] _units;
    private int _next;

    public GeneratedCases(OrganisationChart chart, int seed, IReadOnlyList<string>? units = null)
    {
        _chart = chart ?? throw new ArgumentNullException(nameof(chart));
        _calculator = new DeadlineCalculator(LegalLimits.LoadEmbedded(), VietnamWorkingCalendar.Default);
        _random = new Random(seed);
        _units = [.. units ?? ["qn-camtay", "qn-halong", "qn-quangha", "qn-coto"]];
    }

    /// <summary>The intended figures per (unit, month).</summary>
    public Dictionary<(string Unit, string Month), ExpectedTally> Expected { get; } = [];

    /// <summary>The cases left open, per unit.</summary>
    public Dictionary<string, int> OpenByUnit { get; } = new(StringComparer.Ordinal);

    /// <summary>Cases generated with an extension or a suspension and resolved on time only thanks to it.</summary>
    public int SavedByExtensionOrSuspension { get; private set; }

    /// <summary>Generates <paramref name="count"/> cases received from <paramref name="firstDay"/> over <paramref name="days"/> days; none acts after <paramref name="today"/>.</summary>
    public List<GeneratedCase> Generate(int count, DateOnly firstDay, int days, DateOnly today)
    {
        var cases = new List<GeneratedCase>(count);
        for (var i = 0; i < count; i++)
        {
            cases.Add(One(firstDay.AddDays(_random.Next(days)), today));
        }

        return cases;
    }

    private GeneratedCase One(DateOnly receivedOn, DateOnly today)
    {
        var id = "HS-G" + (++_next).ToString("D7", CultureInfo.InvariantCulture);
        var kind = (CaseKind)_random.Next(4) switch
        {
            CaseKind.ComplaintSecondInstance => CaseKind.ComplaintFirstInstance,
            var k => k,
        };
        var filed = _units[_random.Next(_units.Length)];
        var unit = filed;
        var at = At(receivedOn, 8);
        var @case = Case.Receive(id, kind, false, Remote(unit), "citizen", at, _calculator);
        @case.Route(unit, Remote(unit), Head(unit), Officer(unit), "generated", "system", at.AddMinutes(1), _calculator);
        Count(unit, receivedOn).Received++;
        var last = receivedOn;

        if (kind != CaseKind.ComplaintFirstInstance && _random.NextDouble() < 0.05 && last.AddDays(1) <= today)
        {
            var to = _units.First(u => u != unit);
            last = last.AddDays(1);
            @case.Forward(to, "Ngoài thẩm quyền", Officer(unit), At(last, 9));
            Count(unit, last).ForwardedOrGuided++;
            @case.ReceiveForwarded(unit, Remote(to), Head(to), Officer(to), "system", At(last, 10), _calculator);
            unit = to;
            Count(unit, last).Received++;
        }

        var accepted = last.AddDays(1 + _random.Next(3));
        if (accepted > today)
        {
            return Open(@case, filed, unit);
        }

        @case.Accept(Officer(unit), At(accepted, 9), _calculator);
        @case.StartWork(Officer(unit), At(accepted, 10));
        Count(unit, accepted).Accepted++;
        last = accepted;
        var originalDue = HandlingClock(@case).Due;

        if (_random.NextDouble() < 0.05 && last.AddDays(2) <= today)
        {
            last = last.AddDays(2);
            @case.Withdraw(true, null, "Đã được giải quyết ở nơi khác", "citizen", At(last, 9));
            Count(unit, last).Withdrawn++;
            return new GeneratedCase(@case, filed, [.. @case.UncommittedEvents]);
        }

        var helped = false;
        if (kind == CaseKind.Denunciation && _random.NextDouble() < 0.3 && last.AddDays(3) <= today)
        {
            last = last.AddDays(3);
            @case.Extend("Vụ việc phức tạp", false, Head(unit), At(last, 9), _calculator);
            helped = true;
        }

        if (_random.NextDouble() < 0.25 && last.AddDays(45) <= today)
        {
            var suspended = last.AddDays(1 + _random.Next(5));
            @case.Suspend("Chờ kết quả giám định", Officer(unit), At(suspended, 9), _calculator);
            last = suspended.AddDays(10 + _random.Next(30));
            @case.Resume(Officer(unit), At(last, 9), _calculator);
            helped = true;
        }

        if (_random.NextDouble() < 0.15)
        {
            return Open(@case, filed, unit);
        }

        var due = HandlingClock(@case).Due;
        var onTime = _random.NextDouble() < 0.7;
        DateOnly resolvedOn;
        if (onTime)
        {
            var earliest = helped && due > originalDue ? Max(originalDue.AddDays(1), last) : last;
            resolvedOn = earliest > due ? earliest : earliest.AddDays(_random.Next(due.DayNumber - earliest.DayNumber + 1));
        }
        else
        {
            resolvedOn = Max(due, last).AddDays(1 + _random.Next(20));
        }

        if (resolvedOn > today)
        {
            return Open(@case, filed, unit);
        }

        @case.Resolve("Kết luận nội dung", Officer(unit), At(resolvedOn, 15), _calculator, resolvedOn);
        var tally = Count(unit, resolvedOn);
        tally.Resolved++;
        if (resolvedOn <= due)
        {
            tally.ResolvedOnTime++;
            if (resolvedOn > originalDue)
            {
                SavedByExtensionOrSuspension++;
            }
        }
        else
        {
            tally.ResolvedLate++;
            tally.DaysLate += resolvedOn.DayNumber - due.DayNumber;
        }

        var ratedOn = resolvedOn.AddDays(2);
        if (_random.NextDouble() < 0.4 && ratedOn <= today)
        {
            var score = 1 + _random.Next(5);
            @case.Rate(score, null, At(ratedOn, 20));
            Count(unit, ratedOn).Ratings++;
            Count(unit, ratedOn).RatingPoints += score;
        }

        return new GeneratedCase(@case, filed, [.. @case.UncommittedEvents]);
    }

    /// <summary>The clock the on-time rule judges a resolution against: the resolution clock, or a petition's reply clock.</summary>
    private static CaseClock HandlingClock(Case @case)
    {
        var step = @case.Kind.ResolutionStep() ?? @case.Kind.ReceptionStep();
        return @case.Clocks.Last(c => c.Step == step);
    }

    private GeneratedCase Open(Case @case, string filed, string unit)
    {
        OpenByUnit[unit] = OpenByUnit.GetValueOrDefault(unit) + 1;
        return new GeneratedCase(@case, filed, [.. @case.UncommittedEvents]);
    }

    private ExpectedTally Count(string unit, DateOnly day)
    {
        var key = (unit, day.ToString("yyyy-MM", CultureInfo.InvariantCulture));
        if (!Expected.TryGetValue(key, out var tally))
        {
            tally = new ExpectedTally();
            Expected[key] = tally;
        }

        return tally;
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateTimeOffset At(DateOnly day, int hour) => new(day.ToDateTime(new TimeOnly(hour, 0)), Vietnam);

    private bool Remote(string unit) => _chart.GetUnit(unit).RemoteArea;

    private string Head(string unit) => _chart.HeadOf(unit).Id;

    private string Officer(string unit) => _chart.OfficersOf(unit)[0].Id;
}
