using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Petitions.Functions.Runtime.Registry;
using Petitions.TestKit;

namespace Petitions.Functions.Tests.Support;

/// <summary>
/// The real app (Program) in-process on the test script root (<c>ScriptRoot/</c> in the test output: test functions
/// plus the product's function folders), with the test functions registered and settings chosen per test.
/// </summary>
public sealed class TestApp : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<Action<IServiceCollection>> _services = [];

    public TestApp()
    {
        _settings["AzureWebJobsScriptRoot"] = ScriptRoot;
        _settings["TestQueueName"] = "unused-test-queue";
        _settings["AzureWebJobsStorage"] = "UseDevelopmentStorage=true";

        // Fresh keys per app: nothing in the repository holds a key (tools/run.sh generates local ones).
        _settings["Security:FieldEncryptionKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        _settings["Security:PhoneHashKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
    }

    public static string ScriptRoot => Path.Combine(AppContext.BaseDirectory, "ScriptRoot");

    public TestBehaviour Behaviour { get; } = new();

    /// <summary>Under the Functions host: FUNCTIONS_CUSTOMHANDLER_PORT is set (the test server ignores the port itself).</summary>
    public TestApp UnderFunctionsHost()
    {
        _settings["FUNCTIONS_CUSTOMHANDLER_PORT"] = "7777";
        return this;
    }

    public TestApp With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    /// <summary>Standalone on the shared Azurite, the test queue function reading <paramref name="queue"/>.</summary>
    public TestApp OnAzurite(string queue) =>
        With("AzureWebJobsStorage", AzuriteServer.Shared.ConnectionString).With("TestQueueName", queue);

    public TestApp Disable(string function) => With($"AzureWebJobs.{function}.Disabled", "true");

    public TestApp WithServices(Action<IServiceCollection> configure)
    {
        _services.Add(configure);
        return this;
    }

    public TestApp WithClock(TimeProvider clock) => WithServices(s => s.Replace(ServiceDescriptor.Singleton(clock)));

    public IServiceProvider Provider => Services;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.AddSingleton(Behaviour);
            FunctionRegistryBuilder.For(services)
                .Queue<TestQueueFunction>(TestQueueFunction.Name)
                .Timer<TestTimerFunction>(TestTimerFunction.Name)
                .Http(TestFailingHttpFunction.Name, TestFailingHttpFunction.Map);
            services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(10));
            foreach (var configure in _services)
            {
                configure(services);
            }
        });
    }
}
