using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Petitions.LocalHost;

/// <summary>
/// An HTTP function's route: <c>{routePrefix}/{route ?? name}</c> and its methods, as the worker builds it,
/// with ASP.NET Core's template syntax: inline constraints (<c>{id:int}</c>, <c>{code:alpha}</c>,
/// <c>{x:guid}</c>, <c>{n:min(1)}</c>…), optional parameters (<c>{x?}</c>) and catch-alls (<c>{*rest}</c>).
/// Among several matching routes the most specific wins (ASP.NET Core's inbound precedence).
/// </summary>
internal sealed class HttpRoute
{
    // the constraint names ASP.NET Core routing knows (int, alpha, guid, min, regex, …); no custom ones
    private static readonly IInlineConstraintResolver Constraints =
        new DefaultInlineConstraintResolver(Options.Create(new RouteOptions()), new ServiceCollection().BuildServiceProvider());

    private readonly TemplateMatcher matcher;
    private readonly IDictionary<string, IRouteConstraint> constraints;
    private readonly HashSet<string> methods;

    public HttpRoute(FunctionDescription function, string routePrefix)
    {
        Function = function;
        var route = function.TriggerProperties.TryGetValue("route", out var r) && !string.IsNullOrEmpty(r) ? r : function.Name;
        Template = string.IsNullOrEmpty(routePrefix) ? route.TrimStart('/') : $"{routePrefix.Trim('/')}/{route.TrimStart('/')}";
        RouteTemplate parsed;
        try
        {
            parsed = TemplateParser.Parse(Template);
        }
        catch (ArgumentException e)
        {
            throw new LocalHostStartupException($"Function '{function.Name}' has the route '{Template}', which is not a valid route template: {e.Message}");
        }

        matcher = new TemplateMatcher(parsed, Defaults(parsed));
        var builder = new RouteConstraintBuilder(Constraints, Template);
        foreach (var parameter in parsed.Parameters)
        {
            foreach (var constraint in parameter.InlineConstraints)
            {
                try
                {
                    builder.AddResolvedConstraint(parameter.Name!, constraint.Constraint);
                }
                catch (InvalidOperationException e)
                {
                    throw new LocalHostStartupException($"Function '{function.Name}' has the route '{Template}' with a constraint the host does not know: {e.Message}");
                }
            }

            if (parameter.IsOptional)
            {
                builder.SetOptional(parameter.Name!);
            }
        }

        constraints = builder.Build();
        Precedence = RoutePrecedence.ComputeInbound(parsed);
        methods = function.TriggerProperties.TryGetValue("methods", out var m) && m.StartsWith('[')
            ? [.. System.Text.Json.JsonSerializer.Deserialize<string[]>(m)!.Select(x => x.ToUpperInvariant())]
            : [];
    }

    public FunctionDescription Function { get; }

    /// <summary>The full template, prefix included.</summary>
    public string Template { get; }

    /// <summary>Lower is more specific: literals before constrained parameters before plain ones before catch-alls.</summary>
    public decimal Precedence { get; }

    public bool TryMatch(HttpRequest request, out RouteValueDictionary values)
    {
        values = [];
        return (methods.Count == 0 || methods.Contains(request.Method.ToUpperInvariant()))
            && matcher.TryMatch(request.Path, values)
            && RouteConstraintMatcher.Match(constraints, values, request.HttpContext, NoRouter.Instance, RouteDirection.IncomingRequest, NullLogger.Instance);
    }

    /// <summary>The routes in the order they are tried: the most specific template first, as endpoint routing does.</summary>
    public static List<HttpRoute> InMatchOrder(IEnumerable<HttpRoute> routes) =>
        [.. routes.OrderBy(r => r.Precedence).ThenBy(r => r.Template, StringComparer.OrdinalIgnoreCase)];

    private static RouteValueDictionary Defaults(RouteTemplate template)
    {
        var defaults = new RouteValueDictionary();
        foreach (var parameter in template.Parameters.Where(p => p.DefaultValue is not null))
        {
            defaults[parameter.Name!] = parameter.DefaultValue;
        }

        return defaults;
    }

    /// <summary>Constraints are asked with a router; matching here never routes, so none is needed.</summary>
    private sealed class NoRouter : IRouter
    {
        public static readonly NoRouter Instance = new();

        public VirtualPathData? GetVirtualPath(VirtualPathContext context) => null;

        public Task RouteAsync(RouteContext context) => Task.CompletedTask;
    }
}
