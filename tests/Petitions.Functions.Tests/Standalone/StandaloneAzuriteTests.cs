using System.Net;
using System.Text.Json.Nodes;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Petitions.Functions.Tests.Support;
using Petitions.Infrastructure.Storage;
using Petitions.TestKit;

namespace Petitions.Functions.Tests.Standalone;

/// <summary>
/// The app standalone on Azurite: it plays the Functions host's queue trigger itself (test script root: maxDequeueCount 3,
/// visibilityTimeout 0, polling up to 200 ms).
/// </summary>
public sealed class StandaloneAzuriteTests
{
    private const string Text = "{\"caseId\":\"c-01JD9Q3ZB8\",\"kind\":\"CaseReceived\",\"note\":\"Khiếu nại về quyết định thu hồi đất\"}";

    private static QueueClient Queue(string name) =>
        PlainStorage.Account(AzuriteServer.Shared.ConnectionString).GetQueueClient(name);

    private static async Task<QueueClient> NewQueueAsync()
    {
        var queue = Queue(AzuriteServer.UniqueName("q"));
        await queue.CreateIfNotExistsAsync();
        return queue;
    }

    [Fact]
    public async Task A_message_is_processed_exactly_once_and_deleted()
    {
        var queue = await NewQueueAsync();
        await using var app = new TestApp().OnAzurite(queue.Name).Disable("TestTimer");
        _ = app.Provider;

        await queue.SendMessageAsync(Text);

        await Eventually.Until(() => app.Behaviour.QueueCalls.Count == 1, what: "message handled");
        await Eventually.Until(() => queue.ApproximateCountAsync(), n => n == 0, what: "message deleted");
        var call = Assert.Single(app.Behaviour.QueueCalls);
        Assert.Equal(Text, call.MessageText);
        Assert.Equal(1, call.DequeueCount);
    }

    [Fact]
    public async Task A_throwing_handler_is_retried_then_its_original_text_goes_to_the_poison_queue()
    {
        var queue = await NewQueueAsync();
        var poison = Queue(queue.Name + "-poison");
        await using var app = new TestApp().OnAzurite(queue.Name).Disable("TestTimer");
        app.Behaviour.OnQueue = (_, _) => throw new InvalidOperationException("the handler fails every time");
        _ = app.Provider;

        await queue.SendMessageAsync(Text);

        var poisoned = await Eventually.Until(() => PeekAsync(poison), m => m.Length == 1, what: "message poisoned");
        Assert.Equal(Text, poisoned[0].Body.ToString());
        Assert.Equal([1L, 2L, 3L], app.Behaviour.QueueCalls.Select(c => c.DequeueCount));
        Assert.Equal(0, await queue.ApproximateCountAsync());
    }

    [Fact]
    public async Task A_handler_that_fails_once_succeeds_on_the_retry_without_poisoning()
    {
        var queue = await NewQueueAsync();
        await using var app = new TestApp().OnAzurite(queue.Name).Disable("TestTimer");
        app.Behaviour.OnQueue = (m, _) => m.DequeueCount == 1 ? throw new InvalidOperationException("transient") : Task.CompletedTask;
        _ = app.Provider;

        await queue.SendMessageAsync(Text);

        await Eventually.Until(() => app.Behaviour.QueueCalls.Count == 2, what: "retried once");
        await Eventually.Until(() => queue.ApproximateCountAsync(), n => n == 0, what: "message deleted");
        Assert.Empty(await PeekAsync(Queue(queue.Name + "-poison")));
    }

    [Fact]
    public async Task At_shutdown_an_in_flight_message_finishes_and_is_deleted()
    {
        var queue = await NewQueueAsync();
        var release = new TaskCompletionSource();
        var app = new TestApp().OnAzurite(queue.Name).Disable("TestTimer");
        app.Behaviour.OnQueue = (_, _) => release.Task;
        _ = app.Provider;
        await queue.SendMessageAsync(Text);
        await Eventually.Until(() => app.Behaviour.QueueCalls.Count == 1, what: "handler started");

        var stopping = app.DisposeAsync().AsTask();
        release.SetResult();
        await stopping;

        Assert.Equal(0, await queue.ApproximateCountAsync());
    }

    [Fact]
    public async Task At_the_shutdown_timeout_an_in_flight_message_is_visible_again_at_once()
    {
        var queue = await NewQueueAsync();
        var app = new TestApp().OnAzurite(queue.Name).Disable("TestTimer")
            .WithServices(s => s.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2)));
        app.Behaviour.OnQueue = (_, _) => Task.Delay(Timeout.Infinite, CancellationToken.None);
        _ = app.Provider;
        await queue.SendMessageAsync(Text);
        await Eventually.Until(() => app.Behaviour.QueueCalls.Count == 1, what: "handler started");

        await app.DisposeAsync();

        var visible = Assert.Single(await PeekAsync(queue));
        Assert.Equal(Text, visible.Body.ToString());
        Assert.Equal(1, visible.DequeueCount);
    }

    [Fact]
    public async Task Health_is_200_when_tables_and_queues_answer()
    {
        await using var app = new TestApp().OnAzurite("health-unused").Disable("TestQueue").Disable("TestTimer");
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri("/api/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("""{"status":"healthy","storage":{"tables":"ok","queues":"ok"}}""", body.ToJsonString());
    }

    [Fact]
    public async Task Health_is_503_when_storage_is_unreachable()
    {
        var closed = $"http://127.0.0.1:{ClosedPort()}/{AzuriteServer.AccountName}";
        await using var app = new TestApp()
            .With("AzureWebJobsStorage", $"DefaultEndpointsProtocol=http;AccountName={AzuriteServer.AccountName};AccountKey={AzuriteServer.AccountKey};QueueEndpoint={closed};TableEndpoint={closed};BlobEndpoint={closed};")
            .Disable("TestQueue").Disable("TestTimer");
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri("/api/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("unhealthy", body["status"]!.GetValue<string>());
        Assert.Equal("unreachable", body["storage"]!["tables"]!.GetValue<string>());
        Assert.Equal("unreachable", body["storage"]!["queues"]!.GetValue<string>());
    }

    private static async Task<PeekedMessage[]> PeekAsync(QueueClient queue)
    {
        await queue.CreateIfNotExistsAsync();
        return (await queue.PeekMessagesAsync(32)).Value;
    }

    private static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
