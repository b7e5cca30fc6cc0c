using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Petitions.TestKit;

namespace Petitions.Functions.Tests.Packaging;

/// <summary>The deployable package: layout, archive, and the packaged executable started as the Functions host would.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class PackageTests(PublishedPackage package) : IClassFixture<PublishedPackage>
{
    private string ExecutablePath
    {
        get
        {
            using var host = JsonDocument.Parse(File.ReadAllText(Path.Combine(package.Layout, "host.json")));
            var relative = host.RootElement.GetProperty("customHandler").GetProperty("description").GetProperty("defaultExecutablePath").GetString()!;
            return Path.Combine(package.Layout, relative);
        }
    }

    [Fact]
    public void Host_json_points_at_a_self_contained_executable_inside_the_package()
    {
        var executable = ExecutablePath;

        Assert.True(File.Exists(executable), $"{executable} is missing");
        Assert.True((File.GetUnixFileMode(executable) & UnixFileMode.UserExecute) != 0, $"{executable} is not executable");
        Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(executable)!, "libhostfxr.so")), "the .NET runtime is not in the package (not self-contained)");
    }

    [Fact]
    public void Every_function_folder_of_the_repository_is_beside_host_json()
    {
        var source = Path.Combine(RepositoryPaths.Root, "functions", "Petitions.Functions", "Functions");
        var expected = Directory.EnumerateDirectories(source).Where(d => File.Exists(Path.Combine(d, "function.json"))).Select(Path.GetFileName).Order();
        var packaged = Directory.EnumerateDirectories(package.Layout).Where(d => File.Exists(Path.Combine(d, "function.json"))).Select(Path.GetFileName).Order();

        Assert.Equal(expected, packaged);
        Assert.Equal(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "host.json")), File.ReadAllText(Path.Combine(package.Layout, "host.json")));
        Assert.False(File.Exists(Path.Combine(package.Layout, "bin", "host.json")), "bin/ must not hold a second host.json");
    }

    [Fact]
    public void The_zip_holds_the_same_layout_with_the_executable_bit()
    {
        using var zip = ZipFile.OpenRead(package.Zip);
        var names = zip.Entries.Select(e => e.FullName).ToHashSet();

        Assert.Contains("host.json", names);
        Assert.Contains("GetHealth/function.json", names);
        var executable = zip.GetEntry("bin/Petitions.Functions");
        Assert.NotNull(executable);
        Assert.True(((executable.ExternalAttributes >> 16) & 0b001_000_000) != 0, "the executable bit is lost in the zip");
    }

    [Fact]
    public async Task Packaged_executable_under_the_host_listens_on_loopback_at_the_given_port_and_answers_the_probe()
    {
        // A free port can be taken by another process between the probe and the handler's start (tests run in
        // parallel); the handler then exits with "address already in use", and only that case is tried again.
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort();
            var (status, exitedOutput) = await ProbeHandlerAsync(port);
            if (exitedOutput is null)
            {
                Assert.Equal(HttpStatusCode.OK, status);
                return;
            }

            Assert.True(
                attempt < 3 && exitedOutput.Contains("address already in use", StringComparison.OrdinalIgnoreCase),
                $"the handler exited: {exitedOutput}");
        }
    }

    /// <summary>Starts the packaged handler on <paramref name="port"/> and probes it; the output when it exited instead.</summary>
    private async Task<(HttpStatusCode Status, string? ExitedOutput)> ProbeHandlerAsync(int port)
    {
        var psi = new ProcessStartInfo(ExecutablePath)
        {
            WorkingDirectory = package.Layout,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.Environment["FUNCTIONS_CUSTOMHANDLER_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        psi.Environment["AzureWebJobsStorage"] = "UseDevelopmentStorage=true";
        psi.Environment["Security__FieldEncryptionKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        psi.Environment["Security__PhoneHashKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        psi.Environment["ASPNETCORE_URLS"] = null;
        using var process = Process.Start(psi)!;
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            var status = await Eventually.Until(
                async () =>
                {
                    if (process.HasExited)
                    {
                        return (HttpStatusCode)(-1);
                    }

                    try
                    {
                        using var response = await http.GetAsync(new Uri("/", UriKind.Relative));
                        return response.StatusCode;
                    }
                    catch (HttpRequestException)
                    {
                        return (HttpStatusCode)0;
                    }
                },
                s => s != 0,
                TimeSpan.FromSeconds(60),
                "the handler answers GET / or exits");
            if (status == (HttpStatusCode)(-1))
            {
                await process.WaitForExitAsync();
                lock (output)
                {
                    return (status, output.ToString());
                }
            }

            Assert.False(AcceptsOn(NonLoopbackAddress(), port), "the handler must listen on 127.0.0.1 only");
            return (status, null);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }
    }

    private static bool AcceptsOn(IPAddress? address, int port)
    {
        if (address is null)
        {
            return false;
        }

        try
        {
            using var client = new TcpClient();
            client.Connect(address, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static IPAddress? NonLoopbackAddress() =>
        System.Net.NetworkInformation.NetworkInterface.GetAllNetworkInterfaces()
            .SelectMany(i => i.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a));

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
