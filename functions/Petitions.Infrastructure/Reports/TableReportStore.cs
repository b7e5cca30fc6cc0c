using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Petitions.Core.Ports;
using Petitions.Core.Reporting;
using Petitions.Infrastructure.Storage;

namespace Petitions.Infrastructure.Reports;

/// <summary>
/// Table <c>Reports</c> (docs/reports.md). Partitions:
/// <list type="bullet">
/// <item><c>m-{yyyy-MM}</c>: per month, the aggregates <c>a|{unit}|{kind}|{head}</c> and what each case adds to them,
/// <c>c|{unit}|{head}|{caseId}</c> (with the case version it was computed at). A case's change in a month is one entity
/// group transaction: its contribution rows and the aggregates they feed, guarded by their ETags, so an aggregate is
/// always the sum of its contributions.</item>
/// <item><c>k-{caseId}</c>, row <c>report</c>: the buckets the case may have contributed to and the version applied.</item>
/// <item><c>open</c>: one row per case open now (its unit, head, since when, its handling clocks), judged when read.</item>
/// </list>
/// No personal data: ids, kinds, dates and counts.
/// </summary>
public sealed class TableReportStore(TableClient table) : IReportStore
{
    /// <summary>The partition of the open cases.</summary>
    public const string OpenPartition = "open";

    private const int Attempts = 20;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly TableClient _table = table ?? throw new ArgumentNullException(nameof(table));

    /// <summary>The partition of a month.</summary>
    public static string MonthPartition(string month) => "m-" + month;

    /// <inheritdoc />
    public async Task ApplyAsync(CaseReport report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ApplyOnceAsync(report, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (StorageRequestException e) when (IsRace(e) && attempt < Attempts)
            {
                await Task.Delay(Random.Shared.Next(5, 20 * attempt), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ReportTotal>> TotalsAsync(IReadOnlyList<string> months, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(months);
        var totals = new List<ReportTotal>();
        foreach (var month in months)
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {MonthPartition(month)} and RowKey ge {"a|"} and RowKey lt {"a}"}");
            await foreach (var row in _table.RowsAsync(filter, 1000, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                var figures = Figures(row);
                if (!figures.IsEmpty)
                {
                    totals.Add(new ReportTotal(new ReportBucket(month, row.GetString("UnitId") ?? string.Empty, row.GetString("HeadId") ?? string.Empty), row.GetString("Kind") ?? string.Empty, figures));
                }
            }
        }

        return totals;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ReportCaseEntry>> CasesAsync(string month, string unitId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(month);
        ArgumentException.ThrowIfNullOrWhiteSpace(unitId);
        var prefix = $"c|{unitId}|";
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {MonthPartition(month)} and RowKey ge {prefix} and RowKey lt {prefix[..^1] + "}"}");
        var entries = new List<ReportCaseEntry>();
        await foreach (var row in _table.RowsAsync(filter, 1000, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var figures = Figures(row);
            if (!figures.IsEmpty)
            {
                entries.Add(new ReportCaseEntry(
                    row.GetString("CaseId") ?? string.Empty, row.GetString("Kind") ?? string.Empty,
                    new ReportBucket(month, unitId, row.GetString("HeadId") ?? string.Empty), figures));
            }
        }

        return entries;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ReportOpenCase>> OpenAsync(CancellationToken cancellationToken = default)
    {
        var open = new List<ReportOpenCase>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {OpenPartition}");
        await foreach (var row in _table.RowsAsync(filter, 1000, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            open.Add(new ReportOpenCase(row.RowKey, row.GetString("Kind") ?? string.Empty, OpenOf(row)));
        }

        return open;
    }

    /// <inheritdoc />
    public async Task ClearAsync(CancellationToken cancellationToken = default)
    {
        var keys = new List<(string Partition, string Row)>();
        await foreach (var row in _table.RowsAsync(null, 1000, ["PartitionKey", "RowKey"], cancellationToken).ConfigureAwait(false))
        {
            keys.Add((row.PartitionKey, row.RowKey));
        }

        foreach (var partition in keys.GroupBy(k => k.Partition, StringComparer.Ordinal))
        {
            foreach (var chunk in partition.Chunk(TableLimits.MaxTransactionActions))
            {
                var actions = chunk.Select(k => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(k.Partition, k.Row), ETag.All)).ToList();
                try
                {
                    await _table.CommitAsync(actions, cancellationToken).ConfigureAwait(false);
                }
                catch (StorageTransactionFailedException e) when (e.Status == 404)
                {
                    // A row went meanwhile (a live relay): delete the rest one by one.
                    foreach (var (p, r) in chunk)
                    {
                        await _table.RemoveAsync(p, r, cancellationToken: cancellationToken).ConfigureAwait(false);
                    }
                }
            }
        }
    }

    private async Task ApplyOnceAsync(CaseReport report, CancellationToken cancellationToken)
    {
        var caseKey = "k-" + report.CaseId;
        var known = await _table.FindAsync(caseKey, "report", cancellationToken: cancellationToken).ConfigureAwait(false);
        var appliedVersion = known?.GetInt64("Version") ?? -1;
        if (appliedVersion > report.Version)
        {
            return;
        }

        var before = known is null ? [] : JsonSerializer.Deserialize<List<string>>(known.GetString("Buckets") ?? "[]", Json) ?? [];
        var after = report.Contributions.Select(c => Key(c.Bucket)).ToList();
        var touched = before.Union(after, StringComparer.Ordinal).OrderBy(k => k, StringComparer.Ordinal).ToList();
        var etag = known?.ETag ?? default;
        if (appliedVersion < report.Version)
        {
            // First note every bucket this run may touch, so that an interrupted run is finished by the next one.
            if (touched.Count != before.Count)
            {
                etag = await WriteCaseRowAsync(caseKey, touched, appliedVersion, etag, cancellationToken).ConfigureAwait(false);
            }

            foreach (var month in touched.Select(k => k.Split('|')[0]).Distinct(StringComparer.Ordinal))
            {
                await ApplyMonthAsync(report, month, touched.Where(k => k.StartsWith(month + "|", StringComparison.Ordinal)).Select(Bucket).ToList(), cancellationToken).ConfigureAwait(false);
            }
        }

        await ApplyOpenAsync(report, cancellationToken).ConfigureAwait(false);
        if (appliedVersion < report.Version || touched.Count != after.Count)
        {
            await WriteCaseRowAsync(caseKey, after, report.Version, etag, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<ETag> WriteCaseRowAsync(string caseKey, IReadOnlyList<string> buckets, long version, ETag etag, CancellationToken cancellationToken)
    {
        var row = new TableEntity(caseKey, "report") { ["Buckets"] = JsonSerializer.Serialize(buckets, Json), ["Version"] = version };
        return etag == default
            ? await _table.InsertAsync(row, cancellationToken).ConfigureAwait(false)
            : await _table.UpdateIfMatchAsync(row, etag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One month's contribution rows of the case and the aggregates they feed, in one transaction.</summary>
    private async Task ApplyMonthAsync(CaseReport report, string month, IReadOnlyList<ReportBucket> buckets, CancellationToken cancellationToken)
    {
        var partition = MonthPartition(month);
        var actions = new List<TableTransactionAction>();
        var aggregates = new Dictionary<string, (TableEntity Row, ReportFigures Figures, bool Exists)>(StringComparer.Ordinal);
        foreach (var bucket in buckets)
        {
            var contributionKey = $"c|{bucket.UnitId}|{bucket.HeadId}|{report.CaseId}";
            var stored = await _table.FindAsync(partition, contributionKey, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (stored is not null && (stored.GetInt64("Version") ?? -1) >= report.Version)
            {
                continue;
            }

            var old = stored is null ? new ReportFigures() : Figures(stored);
            var now = report.Contributions.FirstOrDefault(c => c.Bucket == bucket)?.Figures ?? new ReportFigures();
            var delta = now.Copy().Add(old, -1);
            if (!delta.IsEmpty)
            {
                var aggregateKey = $"a|{bucket.UnitId}|{report.Kind}|{bucket.HeadId}";
                if (!aggregates.TryGetValue(aggregateKey, out var aggregate))
                {
                    var row = await _table.FindAsync(partition, aggregateKey, cancellationToken: cancellationToken).ConfigureAwait(false);
                    aggregate = row is null
                        ? (new TableEntity(partition, aggregateKey) { ["UnitId"] = bucket.UnitId, ["Kind"] = report.Kind, ["HeadId"] = bucket.HeadId }, new ReportFigures(), false)
                        : (row, Figures(row), true);
                }

                aggregate.Figures.Add(delta);
                aggregates[aggregateKey] = aggregate;
            }

            if (stored is null && now.IsEmpty)
            {
                continue;
            }

            var contribution = new TableEntity(partition, contributionKey)
            {
                ["CaseId"] = report.CaseId,
                ["Kind"] = report.Kind,
                ["UnitId"] = bucket.UnitId,
                ["HeadId"] = bucket.HeadId,
                ["Version"] = report.Version,
                ["Figures"] = JsonSerializer.Serialize(now, Json),
            };
            actions.Add(stored is null
                ? new TableTransactionAction(TableTransactionActionType.Add, contribution)
                : new TableTransactionAction(TableTransactionActionType.UpdateReplace, contribution, stored.ETag));
        }

        foreach (var (_, (row, figures, exists)) in aggregates)
        {
            var entity = new TableEntity(row.PartitionKey, row.RowKey)
            {
                ["UnitId"] = row.GetString("UnitId"),
                ["Kind"] = row.GetString("Kind"),
                ["HeadId"] = row.GetString("HeadId"),
                ["Figures"] = JsonSerializer.Serialize(figures, Json),
            };
            actions.Add(exists
                ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, entity, row.ETag)
                : new TableTransactionAction(TableTransactionActionType.Add, entity));
        }

        foreach (var chunk in actions.Chunk(TableLimits.MaxTransactionActions))
        {
            await _table.CommitAsync(chunk, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task ApplyOpenAsync(CaseReport report, CancellationToken cancellationToken)
    {
        var stored = await _table.FindAsync(OpenPartition, report.CaseId, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (stored is not null && (stored.GetInt64("Version") ?? -1) > report.Version)
        {
            return;
        }

        if (report.Open is not { } open)
        {
            if (stored is not null)
            {
                await _table.RemoveAsync(OpenPartition, report.CaseId, stored.ETag, cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        var row = new TableEntity(OpenPartition, report.CaseId)
        {
            ["Kind"] = report.Kind,
            ["UnitId"] = open.UnitId,
            ["HeadId"] = open.HeadId,
            ["Since"] = open.Since.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Spans"] = JsonSerializer.Serialize(open.Spans, Json),
            ["Version"] = report.Version,
        };
        if (stored is null)
        {
            await _table.InsertAsync(row, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await _table.UpdateIfMatchAsync(row, stored.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        }
    }

    private static bool IsRace(StorageRequestException e) =>
        e is ConcurrencyConflictException or EntityAlreadyExistsException
        || (e is StorageTransactionFailedException && e.Status is 409 or 412 or 404);

    private static string Key(ReportBucket bucket) => $"{bucket.Month}|{bucket.UnitId}|{bucket.HeadId}";

    private static ReportBucket Bucket(string key)
    {
        var parts = key.Split('|');
        return new ReportBucket(parts[0], parts[1], parts[2]);
    }

    private static ReportFigures Figures(TableEntity row) =>
        JsonSerializer.Deserialize<ReportFigures>(row.GetString("Figures") ?? "{}", Json) ?? new ReportFigures();

    private static OpenStint OpenOf(TableEntity row) => new(
        row.GetString("UnitId") ?? string.Empty,
        row.GetString("HeadId") ?? string.Empty,
        DateOnly.ParseExact(row.GetString("Since") ?? "0001-01-01", "yyyy-MM-dd", CultureInfo.InvariantCulture),
        JsonSerializer.Deserialize<List<HandlingSpan>>(row.GetString("Spans") ?? "[]", Json) ?? []);
}

/// <summary>Every case id of the <c>Cases</c> table (its <c>case</c> rows).</summary>
public sealed class TableCaseCatalogue(TableClient cases) : ICaseCatalogue
{
    /// <inheritdoc />
    public async IAsyncEnumerable<string> CaseIdsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter($"RowKey eq {"case"}");
        await foreach (var row in cases.RowsAsync(filter, 1000, ["PartitionKey"], cancellationToken).ConfigureAwait(false))
        {
            yield return row.PartitionKey;
        }
    }
}
