using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Petitions.Functions.Runtime.Registry;

/// <summary>
/// Registers functions by name: one line per function, beside its function.json.
/// <code>
/// functions.Http("GetHealth", e => e.MapGet("api/health", GetHealthEndpoint.HandleAsync));
/// functions.Queue&lt;ProcessCase&gt;("ProcessCase");
/// functions.Timer&lt;EscalationSweep&gt;("EscalationSweep");
/// </code>
/// </summary>
internal sealed class FunctionRegistryBuilder(IServiceCollection services, FunctionRegistry registry)
{
    public IServiceCollection Services { get; } = services;

    /// <summary>The builder over the registry already added by <c>AddFunctionsRuntime</c> (tests add their functions with it).</summary>
    public static FunctionRegistryBuilder For(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var registry = services.LastOrDefault(d => d.ServiceType == typeof(FunctionRegistry))?.ImplementationInstance as FunctionRegistry
            ?? throw new InvalidOperationException("AddFunctionsRuntime() has not been called.");
        return new FunctionRegistryBuilder(services, registry);
    }

    /// <summary>A queue function; the handler is resolved from a fresh DI scope per message.</summary>
    public FunctionRegistryBuilder Queue<THandler>(string name)
        where THandler : class, IQueueFunction
    {
        registry.AddQueue(name, typeof(THandler));
        Services.TryAddScoped<THandler>();
        return this;
    }

    /// <summary>A timer function; the handler is resolved from a fresh DI scope per run.</summary>
    public FunctionRegistryBuilder Timer<THandler>(string name)
        where THandler : class, ITimerFunction
    {
        registry.AddTimer(name, typeof(THandler));
        Services.TryAddScoped<THandler>();
        return this;
    }

    /// <summary>
    /// An HTTP function: <paramref name="map"/> maps its endpoint (route and methods as in its function.json, which start-up
    /// checks); the endpoint is tagged with <see cref="FunctionNameAttribute"/>.
    /// </summary>
    public FunctionRegistryBuilder Http(string name, Func<IEndpointRouteBuilder, IEndpointConventionBuilder> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        registry.AddHttp(name, map);
        return this;
    }
}
