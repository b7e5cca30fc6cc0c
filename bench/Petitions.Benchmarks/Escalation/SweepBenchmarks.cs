using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Azure.Data.Tables;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using Petitions.Core.Calendar;
using Petitions.Core.Cases;
using Petitions.Core.Escalation;
using Petitions.Core.LegalClock;
using Petitions.Core.Ports;
using Petitions.Core.Time;
using Petitions.Core.UseCases.Common;
using Petitions.Core.UseCases.Escalations;
using Petitions.Infrastructure.Cases;

namespace Petitions.Benchmarks.Escalation;

/// <summary>
/// One escalation sweep over 5,000 open cases on Azurite (optionally with a history of closed cases beside them).
/// Baseline: a sweep without the index, reading every open case row of the Cases table (the open statuses filtered by
/// the service, only the State column returned) and asking the escalation policy about each case in memory. Against it:
/// the product's sweep (SweepEscalations.Handler), which reads only the due-date partitions of CaseIndex up to today
/// plus the longest lead time. Both hand the same cases to an in-memory sender, so only reading and deciding is measured.
/// </summary>
[MemoryDiagnoser]
public class SweepBenchmarks
{
    /// <summary>The same JSON options as the store's (Petitions.Infrastructure.Cases.CaseJson, internal).</summary>
    private static readonly JsonSerializerOptions StateJson = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    private static readonly DateOnly Today = new(2026, 3, 17);

    /// <summary>The case rows (RowKey "case") whose Status column is an open status, as TableCaseStore writes it.</summary>
    private static readonly string OpenCaseRows =
        TableClient.CreateQueryFilter($"RowKey eq {"case"}") + " and (" +
        string.Join(" or ", new[] { CaseStatus.Received, CaseStatus.Accepted, CaseStatus.Assigned, CaseStatus.InProgress, CaseStatus.Suspended }
            .Select(s => TableClient.CreateQueryFilter($"Status eq {s.ToString()}"))) + ")";

    /// <summary>09:00 in Vietnam on a Tuesday.</summary>
    private static readonly DateTimeOffset Now = new(2026, 3, 17, 2, 0, 0, TimeSpan.Zero);

    private readonly CountingSender _sender = new();
    private TableClient _casesTable = null!;
    private EscalationPolicy _policy = null!;
    private SweepEscalations.Handler _handler = null!;

    /// <summary>The environment variable listing the history sizes to run besides none (e.g. "20000").</summary>
    public const string HistoryVariable = "PETITIONS_BENCH_HISTORY";

    /// <summary>
    /// Closed cases kept in the same tables: the history, whose rows the full scan must step over and the due buckets
    /// never hold. 0 by default; <see cref="HistoryVariable"/> adds sizes (seeding them takes minutes on Azurite).
    /// </summary>
    [ParamsSource(nameof(HistorySizes))]
    public int ClosedCases { get; set; }

    /// <summary>The open cases, each with one running clock.</summary>
    public static int OpenCases => 5000;

    /// <summary>0, then the sizes named in <see cref="HistoryVariable"/>.</summary>
    public static IEnumerable<int> HistorySizes() =>
        (Environment.GetEnvironmentVariable(HistoryVariable) ?? string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(n => int.Parse(n, System.Globalization.CultureInfo.InvariantCulture))
            .Prepend(0)
            .Distinct();

    [GlobalSetup]
    public void Setup()
    {
        var tables = BenchStorage.Tables();
        var names = SweepData.Names(OpenCases, ClosedCases);
        var seeded = SweepData.EnsureAsync(tables, names, OpenCases, ClosedCases, Today).GetAwaiter().GetResult();
        _casesTable = tables.GetTableClient(names.CasesTable);
        _policy = new EscalationPolicy(EscalationLadder.LoadEmbedded(), VietnamWorkingCalendar.Default);
        var index = new TableCaseIndex(tables.GetTableClient(names.IndexTable));
        _handler = new SweepEscalations.Handler(index, _sender, _policy, new ManualTimeProvider(Now), NullLogger<SweepEscalations.Handler>.Instance);

        // Both sweeps must enqueue the same cases, or the comparison means nothing.
        var collecting = new CountingSender { Collect = true };
        var scanned = FullScanAsync(collecting).GetAwaiter().GetResult();
        var byScan = collecting.Collected.ToHashSet();
        collecting.Collected.Clear();
        var result = new SweepEscalations.Handler(index, collecting, _policy, new ManualTimeProvider(Now), NullLogger<SweepEscalations.Handler>.Instance)
            .HandleAsync(new SweepEscalations.Command(Now)).GetAwaiter().GetResult();
        if (!byScan.SetEquals(collecting.Collected) || byScan.Count == 0)
        {
            throw new InvalidOperationException($"The full scan enqueues {byScan.Count} cases, the due-bucket sweep {collecting.Collected.Count}; they must agree.");
        }

        Console.WriteLine(
            $"// Seeded {seeded.OpenCases} open and {seeded.ClosedCases} closed cases, {seeded.DueRows} due rows on {seeded.DueDays} due days ({seeded.FirstDue:yyyy-MM-dd} to {seeded.LastDue:yyyy-MM-dd}). " +
            $"Full scan: {scanned} open case rows read. Due buckets through {result.ReadThrough:yyyy-MM-dd}: {result.RowsRead} rows read. Both enqueue {result.CasesEnqueued} cases.");
    }

    /// <summary>Without the index: every case row, decided in memory.</summary>
    [Benchmark(Baseline = true)]
    public Task<int> FullScan() => FullScanAsync(_sender);

    /// <summary>The product's sweep: the due-date buckets only.</summary>
    [Benchmark]
    public Task<SweepEscalations.Result> DueBuckets() => _handler.HandleAsync(new SweepEscalations.Command(Now));

    private async Task<int> FullScanAsync(IWorkSender sender)
    {
        var rows = 0;
        var due = new SortedSet<string>(StringComparer.Ordinal);
        await foreach (var row in _casesTable.QueryAsync<TableEntity>(OpenCaseRows, 1000, ["State"]).ConfigureAwait(false))
        {
            rows++;
            var @case = Case.Restore(JsonSerializer.Deserialize<CaseSnapshot>(row.GetString("State")!, StateJson)!);
            if (@case.IsOpen && _policy.DueRungs(WatchedClock.Of(@case), @case.FiredRungs, Now).Count > 0)
            {
                due.Add(@case.Id);
            }
        }

        foreach (var caseId in due)
        {
            await sender.SendAsync(CaseQueues.Escalations, CaseWriter.MessageFor(caseId)).ConfigureAwait(false);
        }

        return rows;
    }

    /// <summary>Takes the escalation messages in memory; collects the case ids when asked to (the set-up's check).</summary>
    private sealed class CountingSender : IWorkSender
    {
        public bool Collect { get; init; }

        public List<string> Collected { get; } = [];

        public int Sent { get; private set; }

        public Task SendAsync(string queue, string message, TimeSpan? delay = null, CancellationToken cancellationToken = default)
        {
            Sent++;
            if (Collect)
            {
                Collected.Add(CaseWriter.CaseIdOf(message) ?? message);
            }

            return Task.CompletedTask;
        }
    }
}
