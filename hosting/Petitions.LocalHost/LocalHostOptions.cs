using Microsoft.Extensions.Logging;

namespace Petitions.LocalHost;

/// <summary>What the local host runs and how: the worker's output folder, the listening address, setting overrides.</summary>
public sealed class LocalHostOptions
{
    /// <summary>The worker's build output folder (holds worker.config.json, host.json, local.settings.json).</summary>
    public required string ScriptRoot { get; init; }

    /// <summary>HTTP listening address; port 0 picks a free port.</summary>
    public string Urls { get; init; } = "http://localhost:7071";

    /// <summary>Settings file; default <c>&lt;ScriptRoot&gt;/local.settings.json</c>.</summary>
    public string? SettingsFile { get; init; }

    /// <summary>Settings that override the environment and local.settings.json.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    public ILoggerFactory? LoggerFactory { get; init; }

    /// <summary>The clock the timer scheduler runs on (default: the system clock); tests pass a FakeTimeProvider.</summary>
    public TimeProvider? TimeProvider { get; init; }
}
