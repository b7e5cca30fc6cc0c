using Microsoft.AspNetCore.Routing;
using Petitions.Functions.Runtime.HostMode;
using Petitions.Functions.Runtime.Metadata;

namespace Petitions.Functions.Runtime.Registry;

/// <summary>
/// Start-up check that code and function.json files agree: every function.json has a handler of its trigger kind,
/// every handler has a function.json, and every HTTP function's endpoint has its function.json's route and methods.
/// Host-mode trigger paths (<c>POST /{FunctionName}</c>) are reserved: no HTTP route may take them.
/// </summary>
internal static class FunctionRegistryValidator
{
    public static void Validate(FunctionCatalog catalog, FunctionRegistry registry, IEnumerable<Endpoint> endpoints)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(registry);
        var errors = new List<string>();
        var httpEndpoints = endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HostTriggerEndpoint>() is null)
            .Select(e => (Endpoint: e, Function: e.Metadata.GetMetadata<FunctionNameAttribute>()?.Name))
            .ToList();

        foreach (var function in catalog.Functions)
        {
            var file = $"{function.Name}/function.json";
            switch (function.Trigger)
            {
                case QueueTriggerBinding when !registry.QueueFunctions.ContainsKey(function.Name):
                    errors.Add($"Function '{function.Name}' ({file}, queueTrigger) has no handler: register it with functions.Queue<THandler>(\"{function.Name}\").");
                    break;
                case TimerTriggerBinding when !registry.TimerFunctions.ContainsKey(function.Name):
                    errors.Add($"Function '{function.Name}' ({file}, timerTrigger) has no handler: register it with functions.Timer<THandler>(\"{function.Name}\").");
                    break;
                case HttpTriggerBinding http:
                    CheckHttp(catalog.Host, function, http, httpEndpoints.Where(e => Same(e.Function, function.Name)).Select(e => e.Endpoint).ToList(), errors);
                    break;
            }
        }

        foreach (var (name, kind) in registry.QueueFunctions.Keys.Select(n => (n, "queue"))
                     .Concat(registry.TimerFunctions.Keys.Select(n => (n, "timer")))
                     .Concat(httpEndpoints.Where(e => e.Function is not null).Select(e => (e.Function!, "HTTP")).Distinct()))
        {
            var definition = catalog.Find(name);
            if (definition is null)
            {
                errors.Add($"The {kind} handler for function '{name}' has no function.json: add {name}/function.json to the script root {catalog.ScriptRoot}.");
            }
            else if (KindOf(definition.Trigger) != kind)
            {
                errors.Add($"Function '{name}' is registered as a {kind} function but {name}/function.json declares a {KindOf(definition.Trigger)} trigger.");
            }
        }

        var triggerPaths = catalog.Functions.Where(f => f.Trigger is not HttpTriggerBinding).Select(f => f.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var (endpoint, _) in httpEndpoints)
        {
            var route = Normalize(endpoint.RoutePattern.RawText);
            if (triggerPaths.Contains(route))
            {
                errors.Add($"The HTTP route '/{route}' collides with the host-mode trigger path POST /{route}; HTTP routes need a path prefix such as 'api/'.");
            }
        }

        if (errors.Count > 0)
        {
            throw new FunctionMetadataException(
                $"The functions in {catalog.ScriptRoot} do not match the code:{Environment.NewLine}- " + string.Join(Environment.NewLine + "- ", errors));
        }
    }

    private static void CheckHttp(HostSettings host, FunctionDefinition function, HttpTriggerBinding http, List<RouteEndpoint> endpoints, List<string> errors)
    {
        if (endpoints.Count == 0)
        {
            errors.Add($"Function '{function.Name}' ({function.Name}/function.json, httpTrigger) has no endpoint: register it with functions.Http(\"{function.Name}\", e => e.Map...(\"{http.Route}\", ...)).");
            return;
        }

        var expectedRoute = Normalize(host.RoutePrefix.Length == 0 ? http.Route : $"{host.RoutePrefix}/{http.Route}");
        var expectedMethods = http.Methods.Select(m => m.ToUpperInvariant()).Order(StringComparer.Ordinal).ToArray();
        foreach (var endpoint in endpoints)
        {
            var route = Normalize(endpoint.RoutePattern.RawText);
            if (!string.Equals(route, expectedRoute, StringComparison.OrdinalIgnoreCase))
            {
                errors.Add($"Function '{function.Name}': the endpoint's route '/{route}' differs from function.json's '/{expectedRoute}'.");
            }

            var methods = (endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [])
                .Select(m => m.ToUpperInvariant()).Order(StringComparer.Ordinal).ToArray();
            if (!methods.SequenceEqual(expectedMethods))
            {
                errors.Add($"Function '{function.Name}': the endpoint's methods [{string.Join(", ", methods)}] differ from function.json's [{string.Join(", ", expectedMethods)}].");
            }
        }
    }

    private static string KindOf(TriggerBinding trigger) => trigger switch
    {
        QueueTriggerBinding => "queue",
        TimerTriggerBinding => "timer",
        _ => "HTTP",
    };

    private static bool Same(string? a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static string Normalize(string? route) => (route ?? string.Empty).Trim('/');
}
