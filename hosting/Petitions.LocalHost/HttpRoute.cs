using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;

namespace Petitions.LocalHost;

/// <summary>An HTTP function's route: <c>{routePrefix}/{route ?? name}</c> and its methods, as the worker builds it.</summary>
internal sealed class HttpRoute
{
    private readonly TemplateMatcher matcher;
    private readonly HashSet<string> methods;

    public HttpRoute(FunctionDescription function, string routePrefix)
    {
        Function = function;
        var route = function.TriggerProperties.TryGetValue("route", out var r) && !string.IsNullOrEmpty(r) ? r : function.Name;
        var template = string.IsNullOrEmpty(routePrefix) ? route : $"{routePrefix.Trim('/')}/{route.TrimStart('/')}";
        matcher = new TemplateMatcher(TemplateParser.Parse(template), new RouteValueDictionary());
        methods = function.TriggerProperties.TryGetValue("methods", out var m) && m.StartsWith('[')
            ? [.. System.Text.Json.JsonSerializer.Deserialize<string[]>(m)!.Select(x => x.ToUpperInvariant())]
            : [];
        Literal = !template.Contains('{', StringComparison.Ordinal);
    }

    public FunctionDescription Function { get; }

    public bool Literal { get; }

    public bool TryMatch(HttpRequest request, out RouteValueDictionary values)
    {
        values = [];
        return (methods.Count == 0 || methods.Contains(request.Method.ToUpperInvariant())) && matcher.TryMatch(request.Path, values);
    }
}
