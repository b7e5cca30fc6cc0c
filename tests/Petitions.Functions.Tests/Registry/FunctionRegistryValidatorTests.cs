using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.Configuration;
using Petitions.Functions.Runtime.Metadata;
using Petitions.Functions.Runtime.Registry;
using Petitions.Functions.Tests.Support;

namespace Petitions.Functions.Tests.Registry;

public class FunctionRegistryValidatorTests
{
    private sealed class AnyQueue : IQueueFunction
    {
        public Task RunAsync(QueueTriggerMessage message, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private sealed class AnyTimer : ITimerFunction
    {
        public Task RunAsync(TimerTriggerInfo timer, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private static FunctionCatalog Load(TempScriptRoot root) => FunctionCatalog.Load(root.Path, new ConfigurationBuilder().Build());

    private static RouteEndpoint Endpoint(string route, string? function, params string[] methods)
    {
        var metadata = new List<object> { new HttpMethodMetadata(methods) };
        if (function is not null)
        {
            metadata.Add(new FunctionNameAttribute(function));
        }

        return new RouteEndpoint(_ => Task.CompletedTask, RoutePatternFactory.Parse(route), 0, new EndpointMetadataCollection(metadata), route);
    }

    [Fact]
    public void Matching_files_and_handlers_pass()
    {
        using var root = new TempScriptRoot().Queue("ProcessCase").Timer("EscalationSweep").Http("GetHealth", "api/health", "get");
        var registry = new FunctionRegistry();
        registry.AddQueue("ProcessCase", typeof(AnyQueue));
        registry.AddTimer("EscalationSweep", typeof(AnyTimer));

        FunctionRegistryValidator.Validate(Load(root), registry, [Endpoint("api/health", "GetHealth", "GET")]);
    }

    [Fact]
    public void A_function_json_without_a_handler_stops_start_up_naming_the_function()
    {
        using var root = new TempScriptRoot().Queue("ProcessCase").Timer("EscalationSweep");
        var registry = new FunctionRegistry();
        registry.AddTimer("EscalationSweep", typeof(AnyTimer));

        var error = Assert.Throws<FunctionMetadataException>(() => FunctionRegistryValidator.Validate(Load(root), registry, []));

        Assert.Contains("Function 'ProcessCase' (ProcessCase/function.json, queueTrigger) has no handler", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("EscalationSweep", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_handler_without_a_function_json_stops_start_up_naming_the_function()
    {
        using var root = new TempScriptRoot().Queue("ProcessCase");
        var registry = new FunctionRegistry();
        registry.AddQueue("ProcessCase", typeof(AnyQueue));
        registry.AddTimer("EscalationSweep", typeof(AnyTimer));

        var error = Assert.Throws<FunctionMetadataException>(() => FunctionRegistryValidator.Validate(Load(root), registry, []));

        Assert.Contains("The timer handler for function 'EscalationSweep' has no function.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_http_endpoint_without_a_function_json_stops_start_up()
    {
        using var root = new TempScriptRoot();

        var error = Assert.Throws<FunctionMetadataException>(() =>
            FunctionRegistryValidator.Validate(Load(root), new FunctionRegistry(), [Endpoint("api/cases", "ListCases", "GET")]));

        Assert.Contains("HTTP handler for function 'ListCases' has no function.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_http_function_json_without_an_endpoint_stops_start_up()
    {
        using var root = new TempScriptRoot().Http("GetHealth", "api/health", "get");

        var error = Assert.Throws<FunctionMetadataException>(() =>
            FunctionRegistryValidator.Validate(Load(root), new FunctionRegistry(), [Endpoint("api/health", null, "GET")]));

        Assert.Contains("Function 'GetHealth' (GetHealth/function.json, httpTrigger) has no endpoint", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_endpoint_whose_route_differs_from_function_json_stops_start_up()
    {
        using var root = new TempScriptRoot().Http("GetHealth", "api/health", "get");

        var error = Assert.Throws<FunctionMetadataException>(() =>
            FunctionRegistryValidator.Validate(Load(root), new FunctionRegistry(), [Endpoint("api/healthz", "GetHealth", "GET")]));

        Assert.Contains("route '/api/healthz' differs from function.json's '/api/health'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_endpoint_whose_methods_differ_from_function_json_stops_start_up()
    {
        using var root = new TempScriptRoot().Http("GetHealth", "api/health", "get");

        var error = Assert.Throws<FunctionMetadataException>(() =>
            FunctionRegistryValidator.Validate(Load(root), new FunctionRegistry(), [Endpoint("api/health", "GetHealth", "GET", "POST")]));

        Assert.Contains("methods [GET, POST] differ from function.json's [GET]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_host_route_prefix_is_part_of_the_expected_route()
    {
        using var root = new TempScriptRoot("""{ "version": "2.0", "extensions": { "http": { "routePrefix": "api" } } }""")
            .Http("GetHealth", "health", "get");

        FunctionRegistryValidator.Validate(Load(root), new FunctionRegistry(), [Endpoint("api/health", "GetHealth", "GET")]);
    }

    [Fact]
    public void An_http_route_taking_a_trigger_path_is_refused()
    {
        using var root = new TempScriptRoot().Queue("ProcessCase").Http("Catch", "ProcessCase", "post");
        var registry = new FunctionRegistry();
        registry.AddQueue("ProcessCase", typeof(AnyQueue));

        var error = Assert.Throws<FunctionMetadataException>(() =>
            FunctionRegistryValidator.Validate(Load(root), registry, [Endpoint("ProcessCase", "Catch", "POST")]));

        Assert.Contains("collides with the host-mode trigger path POST /ProcessCase", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_handler_registered_as_the_wrong_kind_is_refused()
    {
        using var root = new TempScriptRoot().Timer("EscalationSweep");
        var registry = new FunctionRegistry();
        registry.AddQueue("EscalationSweep", typeof(AnyQueue));

        var error = Assert.Throws<FunctionMetadataException>(() => FunctionRegistryValidator.Validate(Load(root), registry, []));

        Assert.Contains("registered as a queue function but EscalationSweep/function.json declares a timer trigger", error.Message, StringComparison.Ordinal);
    }
}
