using Azure.Storage.Queues;
using Petitions.TestKit;

namespace Petitions.LocalHost.Tests;

/// <summary>Starts the local host on the test worker's build output with its own queue names and host id.</summary>
internal sealed class TestHost
{
    public static string ScriptRoot
    {
        get
        {
            // this assembly sits in tests/Petitions.LocalHost.Tests/bin/<Configuration>/net10.0
            var configuration = Directory.GetParent(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar))!.Name;
            return Path.Combine(RepositoryPaths.Root, "tests", "Petitions.LocalHost.TestWorker", "bin", configuration, "net10.0");
        }
    }

    public string WorkQueue { get; } = AzuriteServer.UniqueName("work");

    public string TickQueue { get; } = AzuriteServer.UniqueName("tick");

    public string HostId { get; } = AzuriteServer.UniqueName("host");

    public string TickSchedule { get; init; } = "0 0 0 1 1 *";

    /// <summary>More settings for the worker's environment (e.g. the test worker's fault injections).</summary>
    public Dictionary<string, string> Extra { get; init; } = [];

    public Dictionary<string, string> Settings => new(Extra)
    {
        ["AzureWebJobsStorage"] = AzuriteServer.Shared.ConnectionString,
        ["WorkQueueName"] = WorkQueue,
        ["TickFiredQueueName"] = TickQueue,
        ["TickSchedule"] = TickSchedule,
        ["AzureFunctionsWebHost__hostid"] = HostId,
    };

    public Task<LocalFunctionsHost> StartAsync(TimeProvider? time = null) =>
        LocalFunctionsHost.StartAsync(new LocalHostOptions { ScriptRoot = ScriptRoot, Urls = "http://127.0.0.1:0", Settings = Settings, TimeProvider = time }, CancellationToken.None);

    public static QueueClient Queue(string name, bool base64 = true) =>
        new(AzuriteServer.Shared.ConnectionString, name, new QueueClientOptions { MessageEncoding = base64 ? QueueMessageEncoding.Base64 : QueueMessageEncoding.None });

    public static async Task<List<string>> PeekAllAsync(string queueName)
    {
        var queue = Queue(queueName);
        await queue.CreateIfNotExistsAsync();
        var peeked = await queue.PeekMessagesAsync(32);
        return [.. peeked.Value.Select(m => m.Body.ToString())];
    }
}
