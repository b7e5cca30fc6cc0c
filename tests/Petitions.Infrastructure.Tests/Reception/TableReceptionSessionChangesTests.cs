using System.Security.Cryptography;
using System.Text.Json;
using Azure.Data.Tables;
using Petitions.Core.Reception;
using Petitions.Core.UseCases.Reception;
using Petitions.Infrastructure.Privacy;
using Petitions.Infrastructure.Reception;
using Petitions.Infrastructure.Storage;
using Petitions.TestKit;

namespace Petitions.Infrastructure.Tests.Reception;

/// <summary>Staff changes to the calendar, on Azurite: add-only rows, the first one wins, the note sealed at rest.</summary>
public sealed class TableReceptionSessionChangesTests
{
    private static readonly DateTimeOffset At = new(2026, 5, 11, 9, 0, 0, TimeSpan.FromHours(7));

    private static readonly FieldProtector Protector = new(new SecuritySettings
    {
        FieldEncryptionKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        PhoneHashKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
    });

    private static async Task<(TableReceptionSessionChanges Store, TableClient Table)> NewStoreAsync()
    {
        var table = new TableServiceClient(AzuriteServer.Shared.ConnectionString).GetTableClient(AzuriteServer.UniqueName("changes"));
        var store = new TableReceptionSessionChanges(table, Protector);
        Assert.True(await store.CreateTableIfNotExistsAsync());
        return (store, table);
    }

    private static StoredSessionCancellation Cancellation(string reason, string by) =>
        new("qn-camtay-chu-tich-20260514", new SessionCancellation("qn-camtay-chu-tich", new DateOnly(2026, 5, 14), reason), by, At);

    private static UnscheduledRecord Unscheduled(string unitId, DateOnly date, int hour, string? note = null) => new(
        UnscheduledReception.Record(unitId, unitId + "-head", "Nhà văn hóa", date, new TimeOnly(hour, 0), new TimeOnly(hour + 2, 0), "Vụ việc phức tạp"),
        "complex",
        note,
        unitId + "-officer1",
        At);

    [Fact]
    public async Task Racing_cancellations_of_one_session_store_one_and_every_caller_gets_that_one()
    {
        var (store, _) = await NewStoreAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => store.CancelAsync(Cancellation($"Lý do {i}", "qn-camtay-head")))));

        var stored = Assert.Single(await store.CancellationsAsync());
        Assert.All(results, r => Assert.Equal(stored, r));
        Assert.Equal(new DateOnly(2026, 5, 14), stored.Cancellation.OriginalDate);
        Assert.Equal("qn-camtay-chu-tich", stored.Cancellation.ScheduleId);
        Assert.Equal(At, stored.At);
    }

    [Fact]
    public async Task Unscheduled_reception_is_added_once_and_listed_by_unit_and_day()
    {
        var (store, _) = await NewStoreAsync();
        var day = new DateOnly(2026, 5, 12);

        Assert.True(await store.AddUnscheduledAsync(Unscheduled("qn-camtay", day, 14)));
        Assert.False(await store.AddUnscheduledAsync(Unscheduled("qn-camtay", day, 14)));
        Assert.True(await store.AddUnscheduledAsync(Unscheduled("qn-camtay", day, 8)));
        Assert.True(await store.AddUnscheduledAsync(Unscheduled("qn-camtay", day.AddDays(1), 8)));
        Assert.True(await store.AddUnscheduledAsync(Unscheduled("qn-cam", day, 9)));

        var listed = await store.UnscheduledAsync("qn-camtay", day, day);

        Assert.Equal(["qn-camtay-dotxuat-20260512-0800", "qn-camtay-dotxuat-20260512-1400"], listed.Select(r => r.Session.Id));
        Assert.Equal(3, (await store.UnscheduledAsync("qn-camtay", day, day.AddDays(1))).Count);
        Assert.Equal("qn-cam-dotxuat-20260512-0900", Assert.Single(await store.UnscheduledAsync("qn-cam", day, day)).Session.Id);
        var found = await store.FindUnscheduledAsync("qn-camtay-dotxuat-20260512-1400");
        Assert.Equal(Unscheduled("qn-camtay", day, 14), found);
        Assert.Null(await store.FindUnscheduledAsync("qn-camtay-dotxuat-20260512-1500"));
        Assert.Null(await store.FindUnscheduledAsync("../_cancelled/x"));
    }

    [Fact]
    public async Task The_staff_note_is_sealed_at_rest_and_read_back()
    {
        var (store, table) = await NewStoreAsync();
        const string Note = "Ông Phạm Văn Nội cùng 12 hộ dân tổ 7";
        var record = Unscheduled("qn-camtay", new DateOnly(2026, 5, 12), 14, Note);

        Assert.True(await store.AddUnscheduledAsync(record));

        var raw = Assert.Single(await ToListAsync(table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {TableReceptionSessionChanges.UnscheduledPartition}"))));
        Assert.DoesNotContain("Phạm", JsonSerializer.Serialize(raw.ToDictionary(kv => kv.Key, kv => kv.Value?.ToString())), StringComparison.Ordinal);
        Assert.True(raw.GetBoolean("Sealed"));
        Assert.Equal(Note, (await store.FindUnscheduledAsync(record.Session.Id))!.Note);
        var withoutKey = new TableReceptionSessionChanges(table);
        await Assert.ThrowsAsync<InvalidOperationException>(() => withoutKey.FindUnscheduledAsync(record.Session.Id));
    }

    private static async Task<List<TableEntity>> ToListAsync(IAsyncEnumerable<TableEntity> items)
    {
        var list = new List<TableEntity>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }
}
