using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using Petitions.Functions.App;
using Petitions.Infrastructure.Cases;
using Petitions.TestKit;

namespace Petitions.Functions.Tests.Support;

/// <summary>
/// The real function app under the local Functions host (<see cref="FunctionsAppHost"/>), configured by settings only,
/// and beside it the app's own composition (<see cref="PetitionsComposition.AddPetitions"/>) built in the test process
/// on the same settings — the same tables and queues — so that a test can call the app over HTTP, let its triggers run,
/// and read or drive the use cases directly (raw reads, a handler run at a chosen moment).
/// Settings use the app-setting spelling (<c>Section__Key</c>; <c>Section:Key</c> is accepted and converted).
/// </summary>
public sealed class TestApp : IAsyncDisposable, IDisposable
{
    private readonly Dictionary<string, string> _settings = FunctionsAppHost.DefaultSettings();
    private readonly List<Action<IServiceCollection>> _services = [];
    private readonly List<Func<Task>> _afterStart = [];
    private readonly SemaphoreSlim _gate = new(1, 1);
    private FunctionsAppHost? _host;
    private ServiceProvider? _provider;
    private AppClockDriver? _clock;

    public IReadOnlyDictionary<string, string> Settings => _settings;

    /// <summary>The Development clock of the worker and of the test-side composition, moved together.</summary>
    public AppClockDriver Clock => _clock ??= new AppClockDriver(this);

    public TestApp With(string key, string? value)
    {
        ArgumentNullException.ThrowIfNull(key);
        key = key.Replace(":", "__", StringComparison.Ordinal);
        if (key.Equals("environment", StringComparison.OrdinalIgnoreCase))
        {
            key = "AZURE_FUNCTIONS_ENVIRONMENT";
        }

        if (value is null)
        {
            _settings.Remove(key);
        }
        else
        {
            _settings[key] = value;
        }

        return this;
    }

    /// <summary><c>AzureWebJobs.&lt;Name&gt;.Disabled</c>: the host does not run that trigger.</summary>
    public TestApp Disable(string function) => With($"AzureWebJobs.{function}.Disabled", "true");

    /// <summary>
    /// Changes the test-side composition only (e.g. a logger provider); the worker is configured by settings alone.
    /// </summary>
    public TestApp WithServices(Action<IServiceCollection> configure)
    {
        _services.Add(configure);
        return this;
    }

    /// <summary>Work run once the app has started (e.g. setting the Development clock).</summary>
    public TestApp AfterStart(Func<Task> work)
    {
        _afterStart.Add(work);
        return this;
    }

    /// <summary>The host (started on first use).</summary>
    public FunctionsAppHost Host
    {
        get
        {
            EnsureStarted();
            return _host!;
        }
    }

    /// <summary>The test-side composition on the app's settings (started on first use).</summary>
    public IServiceProvider Services
    {
        get
        {
            EnsureStarted();
            return _provider!;
        }
    }

    public IServiceProvider Provider => Services;

    public HttpClient CreateClient(bool allowAutoRedirect = true) => Host.CreateClient(allowAutoRedirect: allowAutoRedirect);

    /// <summary>A client that keeps cookies and sends the CSRF token like the pages.</summary>
    public HttpClient CreateBrowserClient(CookieContainer? cookies = null) => Host.CreateClient(cookies ?? new CookieContainer());

    public async Task StartAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_host is not null)
            {
                return;
            }

            _provider = BuildComposition(_settings, _services);
            await _provider.GetRequiredService<CaseStorageInitializer>().EnsureCreatedAsync();
            _host = await FunctionsAppHost.StartAsync(s =>
            {
                s.Clear();
                foreach (var (k, v) in _settings)
                {
                    s[k] = v;
                }
            });
            foreach (var work in _afterStart)
            {
                await work();
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// <see cref="PetitionsComposition.AddPetitions"/> on <paramref name="settings"/> (app-setting spelling) over the
    /// worker's local.settings.json values, as the host layers them; validated as at start-up (every
    /// <c>ValidateOnStart</c>), without starting the hosted services.
    /// </summary>
    public static ServiceProvider BuildComposition(IReadOnlyDictionary<string, string> settings, IEnumerable<Action<IServiceCollection>>? extra = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var layered = FunctionsAppHost.LocalSettings();
        foreach (var (key, value) in settings)
        {
            layered[key] = value;
        }

        settings = layered;
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(kv => new KeyValuePair<string, string?>(kv.Key.Replace("__", ":", StringComparison.Ordinal), kv.Value)))
            .Build();
        var environment = new HostingEnvironment
        {
            EnvironmentName = settings.TryGetValue("AZURE_FUNCTIONS_ENVIRONMENT", out var name) ? name : Environments.Production,
            ApplicationName = "Petitions.Functions",
            ContentRootPath = FunctionsAppHost.ScriptRoot,
        };
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<IHostEnvironment>(environment);
        services.AddPetitions(configuration, environment);
        foreach (var configure in extra ?? [])
        {
            configure(services);
        }

        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        provider.GetService<IStartupValidator>()?.Validate();
        return provider;
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        if (_provider is not null)
        {
            await _provider.DisposeAsync();
        }

        _gate.Dispose();
    }

    private void EnsureStarted()
    {
        if (_host is null)
        {
            Task.Run(StartAsync).GetAwaiter().GetResult();
        }
    }
}
