using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace Petitions.Functions.Runtime.Metadata;

/// <summary>
/// The functions of the app, read from a script root: <c>host.json</c> plus one folder per function holding its
/// <c>function.json</c>. These files are the single source of truth for which functions exist.
/// </summary>
internal sealed partial class FunctionCatalog
{
    private FunctionCatalog(string scriptRoot, HostSettings host, IReadOnlyList<FunctionDefinition> functions)
    {
        ScriptRoot = scriptRoot;
        Host = host;
        Functions = functions;
    }

    public string ScriptRoot { get; }

    public HostSettings Host { get; }

    public IReadOnlyList<FunctionDefinition> Functions { get; }

    public FunctionDefinition? Find(string name) =>
        Functions.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Reads host.json and every <c>*/function.json</c> under <paramref name="scriptRoot"/>.</summary>
    public static FunctionCatalog Load(string scriptRoot, IConfiguration settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var hostPath = Path.Combine(scriptRoot, "host.json");
        if (!File.Exists(hostPath))
        {
            throw new FunctionMetadataException($"No host.json in the script root {scriptRoot}.");
        }

        var host = HostSettings.Parse(File.ReadAllText(hostPath), hostPath);
        var functions = new List<FunctionDefinition>();
        foreach (var folder in Directory.EnumerateDirectories(scriptRoot).Order(StringComparer.Ordinal))
        {
            var file = Path.Combine(folder, "function.json");
            if (File.Exists(file))
            {
                functions.Add(ParseFunction(Path.GetFileName(folder), folder, File.ReadAllText(file), settings));
            }
        }

        return new FunctionCatalog(scriptRoot, host, functions);
    }

    internal static FunctionDefinition ParseFunction(string name, string folder, string json, IConfiguration settings)
    {
        var source = $"{name}/function.json";
        if (!ValidName().IsMatch(name))
        {
            throw new FunctionMetadataException($"{source}: '{name}' is not a valid function name (letters, digits, '-' and '_', starting with a letter).");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new FunctionMetadataException($"{source}: not valid JSON ({e.Message}).", e);
        }

        using (document)
        {
            var root = document.RootElement;
            if (!root.TryGetProperty("bindings", out var bindings) || bindings.ValueKind != JsonValueKind.Array)
            {
                throw new FunctionMetadataException($"{source}: a \"bindings\" array is required.");
            }

            var triggers = bindings.EnumerateArray()
                .Where(b => Text(b, "type")?.EndsWith("Trigger", StringComparison.OrdinalIgnoreCase) == true)
                .ToList();
            if (triggers.Count != 1)
            {
                throw new FunctionMetadataException($"{source}: exactly one trigger binding is required (found {triggers.Count}).");
            }

            var trigger = triggers[0];
            var bindingName = Text(trigger, "name") ?? throw new FunctionMetadataException($"{source}: the trigger binding needs a \"name\".");
            var type = Text(trigger, "type")!;
            TriggerBinding binding = type.ToUpperInvariant() switch
            {
                "HTTPTRIGGER" => new HttpTriggerBinding(
                    bindingName,
                    Resolve(Text(trigger, "route") ?? name, settings, source).Trim('/'),
                    trigger.TryGetProperty("methods", out var methods) && methods.ValueKind == JsonValueKind.Array
                        ? methods.EnumerateArray().Select(m => (m.GetString() ?? string.Empty).ToUpperInvariant()).ToArray()
                        : [],
                    Text(trigger, "authLevel") ?? "function"),
                "QUEUETRIGGER" => new QueueTriggerBinding(
                    bindingName,
                    ValidQueueName(Resolve(Text(trigger, "queueName") ?? throw new FunctionMetadataException($"{source}: \"queueName\" is required."), settings, source), source),
                    Text(trigger, "connection") is { Length: > 0 } c ? c : "AzureWebJobsStorage"),
                "TIMERTRIGGER" => new TimerTriggerBinding(
                    bindingName,
                    Resolve(Text(trigger, "schedule") ?? throw new FunctionMetadataException($"{source}: \"schedule\" is required."), settings, source),
                    trigger.TryGetProperty("runOnStartup", out var run) && run.ValueKind == JsonValueKind.True),
                _ => throw new FunctionMetadataException($"{source}: trigger type '{type}' is not supported (httpTrigger, queueTrigger, timerTrigger)."),
            };

            if (binding is TimerTriggerBinding timer)
            {
                _ = TimerSchedule.Parse(timer.Schedule, source);
            }

            var disabled = (root.TryGetProperty("disabled", out var d) && d.ValueKind == JsonValueKind.True) ||
                           string.Equals(settings[$"AzureWebJobs.{name}.Disabled"], "true", StringComparison.OrdinalIgnoreCase) ||
                           string.Equals(settings[$"AzureWebJobs:{name}:Disabled"], "true", StringComparison.OrdinalIgnoreCase);
            return new FunctionDefinition(name, folder, binding, disabled);
        }
    }

    /// <summary>Resolves <c>%AppSetting%</c> expressions, as the Functions host does in binding properties.</summary>
    private static string Resolve(string value, IConfiguration settings, string source) =>
        SettingExpression().Replace(value, m =>
            settings[m.Groups[1].Value] is { Length: > 0 } resolved
                ? resolved
                : throw new FunctionMetadataException($"{source}: the app setting '{m.Groups[1].Value}' used in '{value}' is not set."));

    private static string ValidQueueName(string queue, string source) =>
        QueueName().IsMatch(queue) && !queue.Contains("--", StringComparison.Ordinal)
            ? queue
            : throw new FunctionMetadataException($"{source}: '{queue}' is not a valid queue name (3-63 lower-case letters, digits and single hyphens).");

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]{0,127}$")]
    private static partial Regex ValidName();

    [GeneratedRegex("%([^%]+)%")]
    private static partial Regex SettingExpression();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$")]
    private static partial Regex QueueName();
}
