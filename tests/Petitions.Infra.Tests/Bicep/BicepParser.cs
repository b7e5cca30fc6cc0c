using System.Diagnostics;
using System.Text.Json;
using Petitions.TestKit;

namespace Petitions.Infra.Tests.Bicep;

/// <summary>
/// Runs the pinned tree-sitter Bicep grammar (bicep-parser/, WebAssembly build) under node.
/// Installs it with <c>npm ci</c> when node_modules is missing, one process at a time.
/// No Bicep compiler exists on these machines, so this is a syntax check, not a type check.
/// </summary>
public static class BicepParser
{
    private static readonly string PackageFolder =
        Path.Combine(RepositoryPaths.Root, "tests", "Petitions.Infra.Tests", "bicep-parser");

    private static readonly Lazy<IReadOnlyList<BicepFile>> LazyInfra = new(
        () => Parse(InfraFiles()), LazyThreadSafetyMode.ExecutionAndPublication);

    public static string InfraFolder => Path.Combine(RepositoryPaths.Root, "infra");

    /// <summary>Every infra/**/*.bicep, parsed once per test process.</summary>
    public static IReadOnlyList<BicepFile> Infra => LazyInfra.Value;

    public static BicepFile InfraFile(string relativePath)
    {
        var full = Path.GetFullPath(Path.Combine(InfraFolder, relativePath));
        return Infra.SingleOrDefault(f => f.Path == full)
            ?? throw new FileNotFoundException($"infra/{relativePath} was not parsed (does it exist?)", full);
    }

    public static IReadOnlyList<string> InfraFiles() =>
        Directory.EnumerateFiles(InfraFolder, "*.bicep", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();

    /// <summary>Parses Bicep source text written to a temporary file (for tests of the checks themselves).</summary>
    public static BicepFile ParseText(string source)
    {
        var path = Path.Combine(Path.GetTempPath(), $"petitions-bicep-{Guid.NewGuid():N}.bicep");
        File.WriteAllText(path, source);
        try
        {
            return Parse([path]).Single();
        }
        finally
        {
            File.Delete(path);
        }
    }

    public static IReadOnlyList<BicepFile> Parse(IReadOnlyList<string> paths)
    {
        EnsureInstalled();
        var psi = new ProcessStartInfo("node")
        {
            WorkingDirectory = PackageFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add("parse.mjs");
        foreach (var path in paths)
        {
            psi.ArgumentList.Add(Path.GetFullPath(path));
        }

        using var node = Process.Start(psi) ?? throw new InvalidOperationException("Could not start node.");
        var stdout = node.StandardOutput.ReadToEndAsync();
        var stderr = node.StandardError.ReadToEndAsync();
        if (!node.WaitForExit(TimeSpan.FromMinutes(2)) || node.ExitCode != 0)
        {
            throw new InvalidOperationException($"The Bicep parser failed (exit {node.ExitCode}).\n{stderr.Result}");
        }

        var result = JsonSerializer.Deserialize<ParseResultDto>(stdout.Result)
            ?? throw new InvalidOperationException("The Bicep parser printed no result.");
        return result.Files
            .Select(f => new BicepFile(f.Path, File.ReadAllText(f.Path), f.Tree, f.Errors))
            .ToList();
    }

    private static void EnsureInstalled()
    {
        var marker = Path.Combine(PackageFolder, "node_modules", "tree-sitter-bicep", "tree-sitter-bicep.wasm");
        if (File.Exists(marker))
        {
            return;
        }

        using (AcquireInstallLock())
        {
            if (File.Exists(marker))
            {
                return;
            }

            var psi = new ProcessStartInfo("npm")
            {
                WorkingDirectory = PackageFolder,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            // The grammar's install script would look for a native build; only the .wasm is used.
            foreach (var arg in new[] { "ci", "--ignore-scripts", "--no-audit", "--no-fund" })
            {
                psi.ArgumentList.Add(arg);
            }

            using var npm = Process.Start(psi) ?? throw new InvalidOperationException("Could not start npm.");
            var stdout = npm.StandardOutput.ReadToEndAsync();
            var stderr = npm.StandardError.ReadToEndAsync();
            if (!npm.WaitForExit(TimeSpan.FromMinutes(5)) || npm.ExitCode != 0)
            {
                throw new InvalidOperationException(
                    $"'npm ci' in {PackageFolder} failed; the Bicep grammar could not be installed.\n{stdout.Result}\n{stderr.Result}");
            }
        }

        if (!File.Exists(marker))
        {
            throw new InvalidOperationException($"npm ci succeeded but {marker} is missing.");
        }
    }

    /// <summary>A file lock so that test processes running in parallel do not run npm ci together.</summary>
    private static FileStream AcquireInstallLock()
    {
        var path = Path.Combine(PackageFolder, ".install.lock");
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException) when (waited.Elapsed < TimeSpan.FromMinutes(6))
            {
                // Polling a lock held by another process, not waiting for work.
                Thread.Sleep(200);
            }
        }
    }
}
