using System.Text.Json;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Time.Testing;
using Petitions.TestKit;

namespace Petitions.LocalHost.Tests;

public sealed class TimerTriggerTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 3, 8, 0, 30, TimeSpan.Zero);

    [Fact]
    public async Task A_tick_missed_while_the_host_was_down_fires_once_on_return_as_past_due()
    {
        var setup = new TestHost { TickSchedule = "0 * * * * *" };
        await (await setup.StartAsync(new FakeTimeProvider(Start))).DisposeAsync(); // records Next = 08:01:00

        var later = new FakeTimeProvider(Start.AddMinutes(10));
        var host = await setup.StartAsync(later);
        await Eventually.Until(() => TestHost.PeekAllAsync(setup.TickQueue), m => m.Count > 0, TimeSpan.FromSeconds(30), "catch-up fired");
        await host.StopAsync(CancellationToken.None);
        await host.DisposeAsync();

        var fired = await TestHost.PeekAllAsync(setup.TickQueue);
        var firing = Assert.Single(fired);
        Assert.True(JsonDocument.Parse(firing).RootElement.GetProperty("IsPastDue").GetBoolean());
        using var status = JsonDocument.Parse((await StatusBlob(setup).DownloadContentAsync()).Value.Content.ToString());
        Assert.Equal(Start.AddSeconds(30), status.RootElement.GetProperty("Last").GetDateTimeOffset());
        Assert.Equal(Start.AddMinutes(10).AddSeconds(30), status.RootElement.GetProperty("Next").GetDateTimeOffset());
    }

    [Fact]
    public async Task Two_hosts_on_one_storage_account_never_fire_the_same_tick()
    {
        var setup = new TestHost { TickSchedule = "0 * * * * *" };
        var clockA = new FakeTimeProvider(Start);
        var clockB = new FakeTimeProvider(Start);
        var a = await setup.StartAsync(clockA);
        var b = await setup.StartAsync(clockB);

        clockA.Advance(TimeSpan.FromSeconds(31));
        clockB.Advance(TimeSpan.FromSeconds(31));
        await Eventually.Until(() => TestHost.PeekAllAsync(setup.TickQueue), m => m.Count > 0, TimeSpan.FromSeconds(30), "tick fired");
        await Eventually.Until(async () => (await StatusBlob(setup).DownloadContentAsync()).Value.Content.ToString(), s => s.Contains("08:02:00", StringComparison.Ordinal), TimeSpan.FromSeconds(30), "status moved on");
        await a.DisposeAsync();
        await b.DisposeAsync();

        Assert.Single(await TestHost.PeekAllAsync(setup.TickQueue));
    }

    private static BlobClient StatusBlob(TestHost setup) =>
        new BlobServiceClient(AzuriteServer.Shared.ConnectionString)
            .GetBlobContainerClient("azure-webjobs-hosts")
            .GetBlobClient($"timers/{setup.HostId}/Tick/status");
}
