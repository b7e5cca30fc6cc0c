using System.Net;
using Microsoft.AspNetCore.Routing;
using Petitions.Functions.Runtime.HostMode;
using Petitions.Functions.Runtime.Metadata;
using Petitions.Functions.Runtime.Registry;
using Petitions.Functions.Runtime.Standalone;

namespace Petitions.Functions.Runtime;

/// <summary>Wires the function runtime: metadata, registry, host-mode endpoints, standalone triggers, problem details.</summary>
internal static class FunctionsRuntimeExtensions
{
    /// <summary>The default address of the standalone app, as the Functions tooling uses.</summary>
    public const string DefaultStandaloneUrl = "http://localhost:7071";

    /// <summary>
    /// Registers the runtime and returns the registry builder on which each function is registered by name.
    /// The script root and the mode are read from configuration when the app is built.
    /// </summary>
    public static FunctionRegistryBuilder AddFunctionsRuntime(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var registry = new FunctionRegistry();
        services.AddSingleton(registry);
        services.AddSingleton(sp => RuntimeMode.From(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton(sp => FunctionCatalog.Load(
            ScriptRootLocator.Locate(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<IWebHostEnvironment>().ContentRootPath),
            sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton<FunctionInvoker>();
        services.AddSingleton<TimerStates>();
        services.AddOptions<QueueListenerOptions>().BindConfiguration(QueueListenerOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<TimerOptions>().BindConfiguration(TimerOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddHostedService<StandaloneTriggersHost>();
        services.AddProblemDetailsMapping();

        // Under the Functions host: 127.0.0.1 at the port it gives. Standalone: the configured urls, else localhost:7071.
        builder.WebHost.ConfigureKestrel((context, kestrel) =>
        {
            var mode = RuntimeMode.From(context.Configuration);
            if (mode.IsUnderFunctionsHost)
            {
                kestrel.Listen(IPAddress.Loopback, mode.CustomHandlerPort!.Value);
            }
        });
        if (!RuntimeMode.From(builder.Configuration).IsUnderFunctionsHost &&
            string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]) &&
            string.IsNullOrEmpty(builder.Configuration["HTTP_PORTS"]) &&
            string.IsNullOrEmpty(builder.Configuration["HTTPS_PORTS"]))
        {
            builder.WebHost.UseUrls(DefaultStandaloneUrl);
        }

        return new FunctionRegistryBuilder(services, registry);
    }

    /// <summary>
    /// Maps the registered HTTP functions, the host-mode trigger endpoints and <c>GET /</c>, then checks that code and
    /// function.json files agree. Call after every other endpoint is mapped: start-up fails here on any mismatch.
    /// </summary>
    public static WebApplication MapFunctions(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var catalog = app.Services.GetRequiredService<FunctionCatalog>();
        var registry = app.Services.GetRequiredService<FunctionRegistry>();
        var mode = app.Services.GetRequiredService<RuntimeMode>();

        foreach (var (name, map) in registry.HttpFunctions)
        {
            map(app).WithMetadata(new FunctionNameAttribute(name));
        }

        if (mode.IsUnderFunctionsHost)
        {
            HostInvocationEndpoints.Map(app, catalog);
        }

        // The host's readiness probe; a web UI mapped at "/" later takes precedence (lower order wins).
        app.MapGet("/", () => Results.Ok()).WithOrder(int.MaxValue).ExcludeFromDescription();

        IEndpointRouteBuilder routes = app;
        FunctionRegistryValidator.Validate(catalog, registry, routes.DataSources.SelectMany(d => d.Endpoints));
        return app;
    }
}
