using System.Diagnostics;
using Petitions.TestKit;

namespace Petitions.Functions.Tests.Packaging;

/// <summary>Runs tools/publish.sh once for the test class (the `dotnet publish` output azd deploys) into a temp folder.</summary>
public sealed class PublishedPackage : IDisposable
{
    public PublishedPackage()
    {
        Output = Path.Combine(Path.GetTempPath(), "petitions-publish-" + Guid.NewGuid().ToString("N"));
        var psi = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryPaths.Root,
        };
        foreach (var arg in new[] { Path.Combine(RepositoryPaths.Root, "tools", "publish.sh"), "--output", Output })
        {
            psi.ArgumentList.Add(arg);
        }

        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(8)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("tools/publish.sh did not finish within 8 minutes.");
        }

        Log = stdout.Result + stderr.Result;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"tools/publish.sh failed ({process.ExitCode}):\n{Log}");
        }
    }

    public string Output { get; }

    public string Log { get; }

    public string Layout => Path.Combine(Output, "publish");

    public string Zip => Path.Combine(Output, "petitions-functions.zip");

    public void Dispose()
    {
        try
        {
            Directory.Delete(Output, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
