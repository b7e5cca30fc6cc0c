using Microsoft.AspNetCore.Http;
using Petitions.LocalHost.Rpc;

namespace Petitions.LocalHost.Tests;

/// <summary>Route templates as the Functions host and the worker read them (ASP.NET Core syntax).</summary>
public sealed class HttpRouteTests
{
    private static HttpRoute Route(string template, string name = "F", string methods = "[\"get\"]", string prefix = "api") =>
        new(new FunctionDescription(name, name, "httpTrigger", "req", new Dictionary<string, string> { ["route"] = template, ["methods"] = methods }, new RpcFunctionMetadata()), prefix);

    private static HttpRequest Get(string path, string method = "GET")
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Path = path;
        return context.Request;
    }

    [Theory]
    [InlineData("items/{id:int}", "/api/items/42", true)]
    [InlineData("items/{id:int}", "/api/items/-7", true)]
    [InlineData("items/{id:int}", "/api/items/abc", false)]
    [InlineData("codes/{code:alpha}", "/api/codes/HN", true)]
    [InlineData("codes/{code:alpha}", "/api/codes/h1", false)]
    [InlineData("x/{x:guid}", "/api/x/0f8fad5b-d9cb-469f-a165-70867728950e", true)]
    [InlineData("x/{x:guid}", "/api/x/not-a-guid", false)]
    [InlineData("n/{n:int:min(1)}", "/api/n/0", false)]
    [InlineData("n/{n:int:min(1)}", "/api/n/1", true)]
    [InlineData("s/{s:length(2,4)}", "/api/s/abcde", false)]
    [InlineData("opt/{x?}", "/api/opt", true)]
    [InlineData("opt/{x?}", "/api/opt/", true)]
    [InlineData("opt/{x?}", "/api/opt/v", true)]
    [InlineData("opt/{x:int?}", "/api/opt", true)]
    [InlineData("opt/{x:int?}", "/api/opt/v", false)]
    [InlineData("files/{*rest}", "/api/files", true)]
    [InlineData("files/{*rest}", "/api/files/a/b/c.txt", true)]
    [InlineData("files/{*rest}", "/api/other/a", false)]
    [InlineData("Items/{id}", "/API/items/1", true)]
    public void A_template_matches_as_the_host_matches_it(string template, string path, bool matches) =>
        Assert.Equal(matches, Route(template).TryMatch(Get(path), out _));

    [Fact]
    public void Route_values_are_the_segments_and_a_catch_all_keeps_its_slashes()
    {
        Assert.True(Route("files/{kind:alpha}/{*rest}").TryMatch(Get("/api/files/pdf/2026/12/a.pdf"), out var values));
        Assert.Equal("pdf", values["kind"]);
        Assert.Equal("2026/12/a.pdf", values["rest"]);
    }

    [Fact]
    public void An_absent_optional_parameter_gives_no_value()
    {
        Assert.True(Route("opt/{x?}").TryMatch(Get("/api/opt"), out var values));
        Assert.False(values.TryGetValue("x", out var x) && x is not null);
    }

    [Fact]
    public void The_methods_list_applies_and_no_list_means_every_method()
    {
        Assert.False(Route("a", methods: "[\"get\"]").TryMatch(Get("/api/a", "POST"), out _));
        Assert.True(Route("a", methods: "[\"get\",\"post\"]").TryMatch(Get("/api/a", "post"), out _));
        Assert.True(Route("a", methods: "").TryMatch(Get("/api/a", "DELETE"), out _));
    }

    [Fact]
    public void An_empty_route_prefix_leaves_the_route_as_the_whole_path()
    {
        Assert.True(Route("dev/login", prefix: "").TryMatch(Get("/dev/login"), out _));
        Assert.False(Route("dev/login", prefix: "").TryMatch(Get("/api/dev/login"), out _));
    }

    [Fact]
    public void The_most_specific_route_is_tried_first()
    {
        var ordered = HttpRoute.InMatchOrder(
        [
            Route("items/{*rest}", "CatchAll"),
            Route("items/{name}", "ByName"),
            Route("items/{id:int}", "ById"),
            Route("items/new", "New"),
        ]);
        var request = Get("/api/items/42");

        Assert.Equal(["New", "ById", "ByName", "CatchAll"], ordered.Select(r => r.Function.Name));
        Assert.Equal("ById", ordered.First(r => r.TryMatch(request, out _)).Function.Name);
        Assert.Equal("ByName", ordered.First(r => r.TryMatch(Get("/api/items/abc"), out _)).Function.Name);
    }

    [Fact]
    public void An_unknown_constraint_stops_start_up_with_a_sentence()
    {
        var error = Assert.Throws<LocalHostStartupException>(() => Route("items/{id:nosuch}"));
        Assert.Contains("'api/items/{id:nosuch}'", error.Message, StringComparison.Ordinal);
    }
}
