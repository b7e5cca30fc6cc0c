namespace Petitions.Functions.Tests.Support;

/// <summary>A throw-away script root: a host.json and function folders written by the test.</summary>
public sealed class TempScriptRoot : IDisposable
{
    public const string MinimalHostJson = """{ "version": "2.0", "extensions": { "http": { "routePrefix": "" } } }""";

    public TempScriptRoot(string hostJson = MinimalHostJson)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "petitions-scriptroot-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
        File.WriteAllText(System.IO.Path.Combine(Path, "host.json"), hostJson);
    }

    public string Path { get; }

    public TempScriptRoot Function(string name, string functionJson)
    {
        var folder = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(folder);
        File.WriteAllText(System.IO.Path.Combine(folder, "function.json"), functionJson);
        return this;
    }

    public TempScriptRoot Queue(string name, string queue = "work-items") =>
        Function(name, $$"""{ "bindings": [ { "type": "queueTrigger", "direction": "in", "name": "msg", "queueName": "{{queue}}", "connection": "AzureWebJobsStorage" } ] }""");

    public TempScriptRoot Timer(string name, string schedule = "0 */5 * * * *") =>
        Function(name, $$"""{ "bindings": [ { "type": "timerTrigger", "direction": "in", "name": "timer", "schedule": "{{schedule}}" } ] }""");

    public TempScriptRoot Http(string name, string route, params string[] methods) =>
        Function(name, $$"""{ "bindings": [ { "type": "httpTrigger", "direction": "in", "name": "req", "authLevel": "anonymous", "route": "{{route}}", "methods": [{{string.Join(", ", methods.Select(m => $"\"{m}\""))}}] }, { "type": "http", "direction": "out", "name": "res" } ] }""");

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
