using System.Diagnostics;
using System.Text.Json;
using Petitions.TestKit;

namespace Petitions.Infra.Tests;

/// <summary>The real Bicep CLI, restored by NuGet (PackageDownload Azure.Bicep.CommandLine.linux-x64).</summary>
public static class BicepCli
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static string Executable
    {
        get
        {
            var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
                ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
            var path = Path.Combine(packages, "azure.bicep.commandline.linux-x64", "0.49.2", "tools", "bicep");
            if (!File.Exists(path))
            {
                throw new InvalidOperationException($"Bicep CLI not restored at {path}; run dotnet restore.");
            }

            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, File.GetUnixFileMode(path) | UnixFileMode.UserExecute);
            }

            return path;
        }
    }

    public static Result Run(params string[] args)
    {
        var info = new ProcessStartInfo(Executable) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var p = Process.Start(info)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            p.Kill(true);
            throw new TimeoutException("bicep " + string.Join(' ', args));
        }

        return new Result(p.ExitCode, stdout.Result, stderr.Result);
    }

    public static string MainBicep => Path.Combine(RepositoryPaths.Root, "infra", "main.bicep");

    private static readonly Lazy<JsonDocument> Compiled = new(() =>
    {
        var r = Run("build", MainBicep, "--stdout");
        if (r.ExitCode != 0 || r.Stderr.Trim().Length > 0)
        {
            throw new InvalidOperationException("bicep build failed:\n" + r.Stderr);
        }

        return JsonDocument.Parse(r.Stdout);
    });

    /// <summary>The compiled ARM template of infra/main.bicep.</summary>
    public static JsonElement Template => Compiled.Value.RootElement;

    /// <summary>The compiled template as a scope that evaluates variables and module parameters.</summary>
    public static ArmScope Main => new(Template);

    /// <summary>Every resource in the template and its nested deployments, recursively.</summary>
    public static IEnumerable<JsonElement> Resources(JsonElement template)
    {
        if (!template.TryGetProperty("resources", out var resources))
        {
            yield break;
        }

        var items = resources.ValueKind == JsonValueKind.Object
            ? resources.EnumerateObject().Select(p => p.Value)
            : resources.EnumerateArray();
        foreach (var r in items)
        {
            yield return r;
            if (r.TryGetProperty("properties", out var props) && props.ValueKind == JsonValueKind.Object
                && props.TryGetProperty("template", out var nested))
            {
                foreach (var n in Resources(nested))
                {
                    yield return n;
                }
            }
        }
    }

    public static IEnumerable<JsonElement> OfType(string type) =>
        Resources(Template).Where(r => string.Equals(r.GetProperty("type").GetString(), type, StringComparison.OrdinalIgnoreCase));
}
