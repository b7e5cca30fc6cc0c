using Microsoft.AspNetCore.Routing;

namespace Petitions.Functions.Runtime.Registry;

/// <summary>
/// The one map from function name to handler. Filled through <see cref="FunctionRegistryBuilder"/> at start-up and
/// checked against the function.json files (<see cref="FunctionRegistryValidator"/>).
/// </summary>
internal sealed class FunctionRegistry
{
    private readonly Dictionary<string, Type> _queue = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Type> _timer = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Func<IEndpointRouteBuilder, IEndpointConventionBuilder>> _http = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyDictionary<string, Type> QueueFunctions => _queue;

    public IReadOnlyDictionary<string, Type> TimerFunctions => _timer;

    public IReadOnlyDictionary<string, Func<IEndpointRouteBuilder, IEndpointConventionBuilder>> HttpFunctions => _http;

    public IEnumerable<string> Names => _queue.Keys.Concat(_timer.Keys).Concat(_http.Keys);

    internal void AddQueue(string name, Type handler) => Add(_queue, name, handler);

    internal void AddTimer(string name, Type handler) => Add(_timer, name, handler);

    internal void AddHttp(string name, Func<IEndpointRouteBuilder, IEndpointConventionBuilder> map) => Add(_http, name, map);

    private void Add<T>(Dictionary<string, T> target, string name, T value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (Names.Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"The function '{name}' is registered twice.");
        }

        target[name] = value;
    }
}
