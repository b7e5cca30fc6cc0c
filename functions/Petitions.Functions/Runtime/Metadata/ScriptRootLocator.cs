using Microsoft.Extensions.Configuration;

namespace Petitions.Functions.Runtime.Metadata;

/// <summary>
/// Finds the script root (the folder holding host.json and the function folders): the <c>AzureWebJobsScriptRoot</c>
/// setting when given (the Functions host sets it), else the first of the app's base folder, its parent (the package
/// layout puts the executable in <c>bin/</c>) and the content root that holds a host.json.
/// </summary>
internal static class ScriptRootLocator
{
    public const string SettingName = "AzureWebJobsScriptRoot";

    public static string Locate(IConfiguration settings, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings[SettingName] is { Length: > 0 } configured)
        {
            var full = Path.GetFullPath(configured);
            return File.Exists(Path.Combine(full, "host.json"))
                ? full
                : throw new FunctionMetadataException($"{SettingName} is '{full}' but it holds no host.json.");
        }

        var baseDir = Path.GetFullPath(AppContext.BaseDirectory);
        string[] candidates = [baseDir, Path.GetDirectoryName(baseDir.TrimEnd(Path.DirectorySeparatorChar)) ?? baseDir, contentRoot];
        foreach (var candidate in candidates)
        {
            if (File.Exists(Path.Combine(candidate, "host.json")))
            {
                return candidate;
            }
        }

        throw new FunctionMetadataException(
            $"No host.json found in {string.Join(", ", candidates)}; set {SettingName} to the folder holding host.json and the function folders.");
    }
}
