using System.Globalization;
using Azure;
using Azure.Data.Tables;
using BenchmarkDotNet.Attributes;
using Petitions.Core.Calendar;
using Petitions.Core.Cases;
using Petitions.Core.LegalClock;
using Petitions.Core.Ports;
using Petitions.Infrastructure.Cases;
using Petitions.Infrastructure.Storage;

namespace Petitions.Benchmarks.Storage;

/// <summary>
/// Saving a newly filed case on Azurite through Azure.Data.Tables. Baseline: one upsert of the case row alone (the
/// very row the store writes: state, letter, title, content). Against it: <see cref="TableCaseStore.CommitAsync"/>,
/// the product's save, which writes the case row, its events and its outbox items in one entity group transaction
/// (one multipart request, all or nothing). The ratio is what atomicity and the extra rows cost per save.
/// </summary>
[MemoryDiagnoser]
public class CaseSaveBenchmarks
{
    private const string TableName = "BenchCaseSave";
    private static readonly DateTimeOffset Filed = new(2026, 3, 17, 9, 0, 0, TimeSpan.FromHours(7));

    private readonly string _run = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(4));
    private TableClient _table = null!;
    private TableCaseStore _store = null!;
    private CaseCommit _filed = null!;
    private TableEntity _caseRow = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _table = BenchStorage.Tables().GetTableClient(TableName);
        _table.CreateIfMissingAsync().GetAwaiter().GetResult();
        _store = new TableCaseStore(_table);
        _filed = FiledCase();

        // The baseline writes exactly the case row the store wrote, read back without the service's own properties.
        var check = _filed with { State = _filed.State with { Id = NextId() } };
        if (_store.CommitAsync(check).GetAwaiter().GetResult().Conflicted)
        {
            throw new InvalidOperationException("The check save conflicted: the emulator holds other data.");
        }

        var rows = _table.RowsAsync(TableClient.CreateQueryFilter($"PartitionKey eq {check.State.Id}")).ToListAsync().AsTask().GetAwaiter().GetResult();
        var expected = 1 + _filed.Events.Count + _filed.Outbox.Count;
        if (rows.Count != expected)
        {
            throw new InvalidOperationException($"A save wrote {rows.Count} rows, not {expected}.");
        }

        var stored = rows.Single(r => r.RowKey == "case");
        _caseRow = new TableEntity("BN-" + _run + "-upsert", "case");
        foreach (var (name, value) in stored.Where(p => !TableLimits.IsSystemProperty(p.Key)))
        {
            _caseRow[name] = value;
        }

        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"// A save writes {expected} rows in one transaction: the case row ({_caseRow.Count - 2} properties), {_filed.Events.Count} events, {_filed.Outbox.Count} outbox items."));
    }

    /// <summary>One upsert (Replace) of the case row alone: the cheapest write of the same case.</summary>
    [Benchmark(Baseline = true)]
    public Task<ETag> UpsertCaseRow() => _table.WriteAsync(_caseRow, TableUpdateMode.Replace);

    /// <summary>The product's save of a new case: case row + events + outbox, atomic.</summary>
    [Benchmark]
    public Task<CommitOutcome> CommitNewCase() => _store.CommitAsync(_filed with { State = _filed.State with { Id = NextId() } });

    private string NextId() => string.Create(CultureInfo.InvariantCulture, $"BN-{_run}-{Interlocked.Increment(ref _next):D7}");

    /// <summary>A complaint received, routed and accepted (its events), with the outbox items filing leaves.</summary>
    private static CaseCommit FiledCase()
    {
        var calculator = new DeadlineCalculator(LegalLimits.LoadEmbedded(), VietnamWorkingCalendar.Default);
        var @case = Case.Receive("BN-template", CaseKind.ComplaintFirstInstance, false, false, "system", Filed, calculator);
        @case.Route("qn-camtay", false, "qn-camtay-head", "qn-camtay-officer1", "bench", "system", Filed, calculator);
        @case.Accept("qn-camtay-officer1", Filed, calculator);
        var letter = new CaseLetter(
            "qn-camtay", "Khiếu nại quyết định thu hồi đất", string.Concat(Enumerable.Repeat("Nội dung đơn khiếu nại về đất đai. ", 40)),
            new SealedPerson("sealed-name", "sealed-phone", "sealed-address"), null, "web", null, [], 1, "phone-hash", Filed, new DateOnly(2026, 3, 24));
        List<OutboxItem> outbox =
        [
            new("000001-00", Reindex: new ReindexItem([])),
            new("000001-01", Work: new WorkItem(CaseQueues.Intake, "{\"caseId\":\"BN-template\"}")),
        ];
        return new CaseCommit(@case.ToSnapshot(), letter, null, [.. @case.UncommittedEvents], outbox);
    }
}
