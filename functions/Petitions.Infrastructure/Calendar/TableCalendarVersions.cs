using System.Globalization;
using Azure.Data.Tables;
using Petitions.Core.Ports;
using Petitions.Infrastructure.Storage;

namespace Petitions.Infrastructure.Calendar;

/// <summary>
/// <see cref="ICalendarVersions"/> in one Azure Table (default <c>CalendarVersions</c>): partition <c>calendar</c>, one
/// row per year (row key <c>2027</c>) holding <c>Hash</c>. A save replaces the row unconditionally: two instances
/// starting at once write the same hash for the same data. The table is created on first read.
/// </summary>
public sealed class TableCalendarVersions(TableClient table) : ICalendarVersions
{
    /// <summary>The table's default name.</summary>
    public const string DefaultTableName = "CalendarVersions";

    private const string Partition = "calendar";
    private const string HashProperty = "Hash";

    private readonly TableClient _table = table ?? throw new ArgumentNullException(nameof(table));
    private volatile bool _created;

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<int, string>> ReadAsync(CancellationToken cancellationToken = default)
    {
        await EnsureTableAsync(cancellationToken).ConfigureAwait(false);
        return await StorageFailures.Run("CalendarVersions.Read", async () =>
        {
            var years = new SortedDictionary<int, string>();
            var rows = _table.QueryAsync<TableEntity>(e => e.PartitionKey == Partition, cancellationToken: cancellationToken);
            await foreach (var row in rows.ConfigureAwait(false))
            {
                if (int.TryParse(row.RowKey, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && row.GetString(HashProperty) is { Length: > 0 } hash)
                {
                    years[year] = hash;
                }
            }

            return (IReadOnlyDictionary<int, string>)years;
        }).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task SaveAsync(int year, string hash, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(hash);
        await EnsureTableAsync(cancellationToken).ConfigureAwait(false);
        var row = new TableEntity(Partition, year.ToString("D4", CultureInfo.InvariantCulture)) { [HashProperty] = hash };
        await StorageFailures.Run("CalendarVersions.Save", async () =>
            await _table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
    }

    private async Task EnsureTableAsync(CancellationToken cancellationToken)
    {
        if (_created)
        {
            return;
        }

        await StorageFailures.Run("CalendarVersions.CreateTable", async () =>
            await _table.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
        _created = true;
    }
}
