using System.Net;
using System.Reflection;
using System.Security.Cryptography;
using Petitions.LocalHost;

namespace Petitions.TestKit;

/// <summary>
/// The real function app (functions/Petitions.Functions, as built) under the local Functions host on the shared
/// Azurite, configured by settings only. Each host gets its own queue and table names, so hosts on one emulator never
/// take each other's messages; tests on one host use unique data (tracking codes, staff, sessions). Development by
/// default: <c>/dev/clock</c>, <c>/dev/outbox</c> and <c>/dev/login</c> exist.
/// </summary>
public sealed class FunctionsAppHost : IAsyncDisposable
{
    private readonly LocalFunctionsHost _host;

    private FunctionsAppHost(LocalFunctionsHost host, IReadOnlyDictionary<string, string> settings)
    {
        _host = host;
        Settings = settings;
    }

    /// <summary>The worker's build output (the script root): functions/Petitions.Functions/bin/&lt;Configuration&gt;/net10.0.</summary>
    public static string ScriptRoot => Path.Combine(
        RepositoryPaths.Root, "functions", "Petitions.Functions", "bin",
        typeof(FunctionsAppHost).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == "PetitionsConfiguration").Value!,
        "net10.0");

    public Uri BaseAddress => _host.BaseAddress;

    /// <summary>The settings the worker was given (beside local.settings.json), e.g. <c>Settings["IntakeQueueName"]</c>.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; }

    /// <summary>The emulator's connection string, for raw reads of what the app stored.</summary>
    public string StorageConnectionString => Settings["AzureWebJobsStorage"];

    /// <summary>What the host and the worker logged.</summary>
    public IReadOnlyCollection<CapturedLog> Logs => _host.Logs;

    /// <summary>
    /// The default test settings: the shared Azurite, Development, fresh Security keys, own queues and tables, no demo
    /// letters, the Development sign-in. <paramref name="tune"/> changes or adds settings (flat names, <c>__</c> for sections).
    /// </summary>
    public static Dictionary<string, string> DefaultSettings()
    {
        var suffix = AzuriteServer.UniqueName("h");
        return new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["AzureWebJobsStorage"] = AzuriteServer.Shared.ConnectionString,
            ["AZURE_FUNCTIONS_ENVIRONMENT"] = "Development",
            ["Auth__Mode"] = "Development",
            ["Demo__Seed"] = "false",
            ["Security__FieldEncryptionKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Security__PhoneHashKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["OutboxQueueName"] = "outbox-" + suffix,
            ["IntakeQueueName"] = "intake-" + suffix,
            ["EscalationsQueueName"] = "escalations-" + suffix,
            ["NotificationsQueueName"] = "notifications-" + suffix,
            ["DeliveryReportsQueueName"] = "reports-" + suffix,
            ["ZaloEventsQueueName"] = "zalo-" + suffix,
            ["CaseHandling__Storage__CasesTable"] = "Cases" + suffix,
            ["CaseHandling__Storage__IndexTable"] = "Index" + suffix,
            ["CaseHandling__Storage__GuardsTable"] = "Guards" + suffix,
            ["CaseHandling__Storage__NotificationsTable"] = "Notes" + suffix,
            ["CaseHandling__Storage__ReportsTable"] = "Reports" + suffix,
            ["Reception__BookingsTable"] = "Bookings" + suffix,
        };
    }

    /// <summary>The development values of the worker's local.settings.json (what the host gives it beneath the test settings).</summary>
    public static Dictionary<string, string> LocalSettings()
    {
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(ScriptRoot, "local.settings.json")));
        return json.RootElement.GetProperty("Values").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.GetString() ?? string.Empty, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Starts the app (about 1–3 s) with <see cref="DefaultSettings"/> changed by <paramref name="tune"/>.</summary>
    public static async Task<FunctionsAppHost> StartAsync(Action<Dictionary<string, string>>? tune = null, CancellationToken cancellationToken = default)
    {
        var settings = DefaultSettings();
        tune?.Invoke(settings);
        if (!File.Exists(Path.Combine(ScriptRoot, "functions.metadata")))
        {
            throw new InvalidOperationException($"The function app is not built at {ScriptRoot}; build functions/Petitions.Functions first.");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));

        // The app's public address is where it listens (links in SMS, QR codes of its own pages), unless a test says
        // otherwise; so the port is chosen here rather than by the host. Another process may take it first: try again.
        var ownAddress = !settings.ContainsKey("Public__BaseUrl");
        for (var attempt = 1; ; attempt++)
        {
            var urls = "http://127.0.0.1:0";
            if (ownAddress)
            {
                urls = $"http://127.0.0.1:{FreePort()}";
                settings["Public__BaseUrl"] = urls;
            }

            try
            {
                var host = await LocalFunctionsHost.StartAsync(
                    new LocalHostOptions { ScriptRoot = ScriptRoot, Urls = urls, Settings = settings }, timeout.Token).ConfigureAwait(false);
                return new FunctionsAppHost(host, settings);
            }
            catch (IOException) when (ownAddress && attempt < 3)
            {
                // the port was taken between the probe and the bind
            }
        }
    }

    /// <summary>A client on the app; with <paramref name="cookies"/>, it keeps cookies and sends the CSRF token like the pages.</summary>
    public HttpClient CreateClient(CookieContainer? cookies = null, bool allowAutoRedirect = true)
    {
        var network = new HttpClientHandler { UseCookies = false, AllowAutoRedirect = allowAutoRedirect };
        return cookies is null
            ? new HttpClient(network) { BaseAddress = BaseAddress }
            : new HttpClient(new BrowserLikeHandler(cookies) { InnerHandler = network }) { BaseAddress = BaseAddress };
    }

    public async ValueTask DisposeAsync() => await _host.DisposeAsync().ConfigureAwait(false);

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Keeps cookies, and sends <c>X-CSRF-Token</c> (the <c>petitions_csrf</c> cookie) on every non-GET request.</summary>
    private sealed class BrowserLikeHandler(CookieContainer cookies) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var uri = request.RequestUri!;
            if (cookies.GetCookieHeader(uri) is { Length: > 0 } header)
            {
                request.Headers.Add("Cookie", header);
            }

            if (request.Method != HttpMethod.Get && !request.Headers.Contains("X-CSRF-Token") &&
                cookies.GetCookies(uri)["petitions_csrf"]?.Value is { } token)
            {
                request.Headers.Add("X-CSRF-Token", token);
            }

            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
            {
                foreach (var cookie in setCookies)
                {
                    cookies.SetCookies(uri, cookie);
                }
            }

            return response;
        }
    }
}
