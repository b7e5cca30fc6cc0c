using System.Collections;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Petitions.LocalHost;

/// <summary>
/// The settings the worker gets as environment and that <c>%Name%</c> resolves against, read once:
/// options > process environment > local.settings.json Values.
/// </summary>
public sealed partial class HostSettings
{
    private readonly Dictionary<string, string> values;

    private HostSettings(Dictionary<string, string> values) => this.values = values;

    public IReadOnlyDictionary<string, string> Values => values;

    public static HostSettings Load(string? file, IReadOnlyDictionary<string, string> overrides)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (file is not null && File.Exists(file))
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(file));
            if (doc.RootElement.TryGetProperty(nameof(Values), out var section))
            {
                foreach (var p in section.EnumerateObject())
                {
                    values[p.Name] = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText();
                }
            }
        }

        foreach (DictionaryEntry e in Environment.GetEnvironmentVariables())
        {
            values[(string)e.Key] = (string?)e.Value ?? "";
        }

        foreach (var (k, v) in overrides)
        {
            values[k] = v;
        }

        return new HostSettings(values);
    }

    public string? Get(string name) => values.TryGetValue(name, out var v) ? v : null;

    public bool IsDisabled(string functionName) =>
        Get($"AzureWebJobs.{functionName}.Disabled") is { } v && (v == "1" || v.Equals("true", StringComparison.OrdinalIgnoreCase));

    /// <summary>Resolves every <c>%Name%</c>; an unknown name stops start-up with a sentence.</summary>
    public string Resolve(string text, string functionName) =>
        SettingReference().Replace(text, m => Get(m.Groups[1].Value)
            ?? throw new LocalHostStartupException(
                $"Function '{functionName}' uses the setting '{m.Groups[1].Value}', which is not defined in local.settings.json, the environment or the host options."));

    [GeneratedRegex("%([^%]+)%")]
    private static partial Regex SettingReference();
}
