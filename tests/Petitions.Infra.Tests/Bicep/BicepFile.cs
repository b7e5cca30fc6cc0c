namespace Petitions.Infra.Tests.Bicep;

/// <summary>A parsed Bicep file with just enough structure for the infra checks.</summary>
public sealed class BicepFile(string path, string source, BicepNode root, IReadOnlyList<BicepSyntaxError> errors)
{
    public string Path { get; } = path;

    public string Source { get; } = source;

    public BicepNode Root { get; } = root;

    public IReadOnlyList<BicepSyntaxError> Errors { get; } = errors;

    public string RelativePath => System.IO.Path.GetRelativePath(BicepParser.InfraFolder, Path).Replace('\\', '/');

    public string Text(BicepNode node) => Source[node.Start..node.End];

    /// <summary>The text of a string literal without quotes, or the node's source text otherwise.</summary>
    public string Literal(BicepNode node) =>
        node.Type == "string" ? Text(node)[1..^1] : Text(node);

    public IEnumerable<BicepResource> Resources =>
        Root.Named.Where(n => n.Type == "resource_declaration").Select(n =>
        {
            var typeAndVersion = Literal(n.Named[1]);
            var at = typeAndVersion.LastIndexOf('@');
            return new BicepResource(
                Text(n.Named[0]),
                at < 0 ? typeAndVersion : typeAndVersion[..at],
                at < 0 ? string.Empty : typeAndVersion[(at + 1)..],
                n.Existing,
                Body(n));
        });

    public IEnumerable<BicepParameter> Parameters
    {
        get
        {
            var top = Root.Named;
            for (var i = 0; i < top.Count; i++)
            {
                if (top[i].Type != "parameter_declaration")
                {
                    continue;
                }

                var decorators = i > 0 && top[i - 1].Type == "decorators" ? Text(top[i - 1]) : string.Empty;
                var parts = top[i].Named;
                yield return new BicepParameter(
                    Text(parts[0]),
                    decorators.Contains("@secure()", StringComparison.Ordinal),
                    parts.Count > 2 ? parts[^1] : null);
            }
        }
    }

    public IEnumerable<(string Name, BicepNode Value)> Outputs =>
        Root.Named.Where(n => n.Type == "output_declaration").Select(n => (Text(n.Named[0]), n.Named[^1]));

    public BicepNode? Variable(string name) =>
        Root.Named.Where(n => n.Type == "variable_declaration" && Text(n.Named[0]) == name).Select(n => n.Named[^1]).FirstOrDefault();

    /// <summary>The value of <paramref name="dottedPath"/> (e.g. <c>properties.minimumTlsVersion</c>) in an object node.</summary>
    public BicepNode? Property(BicepNode? obj, string dottedPath)
    {
        var current = obj;
        foreach (var key in dottedPath.Split('.'))
        {
            if (current is null || current.Type != "object")
            {
                return null;
            }

            current = current.Named
                .Where(p => p.Type == "object_property" && Literal(p.Named[0]) == key)
                .Select(p => p.Named[^1])
                .FirstOrDefault();
        }

        return current;
    }

    public string? PropertyText(BicepNode? obj, string dottedPath) =>
        Property(obj, dottedPath) is { } value ? Literal(value) : null;

    /// <summary>The keys an object expression can hold: objects, variables, union(...) and both branches of a condition.</summary>
    public IReadOnlySet<string> ObjectKeys(BicepNode expression)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        Collect(expression, keys, depth: 0);
        return keys;
    }

    private void Collect(BicepNode expression, HashSet<string> keys, int depth)
    {
        if (depth > 10)
        {
            return;
        }

        switch (expression.Type)
        {
            case "object":
                foreach (var property in expression.Named.Where(p => p.Type == "object_property"))
                {
                    keys.Add(Literal(property.Named[0]));
                }

                break;
            case "identifier" when Variable(Text(expression)) is { } value:
                Collect(value, keys, depth + 1);
                break;
            case "call_expression" when Text(expression.Named[0]) is "union" or "shallowMerge":
                foreach (var argument in expression.Named[^1].Named)
                {
                    Collect(argument, keys, depth + 1);
                }

                break;
            case "ternary_expression":
                foreach (var branch in expression.Named.Skip(1))
                {
                    Collect(branch, keys, depth + 1);
                }

                break;
            case "parenthesized_expression":
                Collect(expression.Named[0], keys, depth + 1);
                break;
            default:
                break;
        }
    }

    private static BicepNode? Body(BicepNode declaration)
    {
        foreach (var child in declaration.Named.Skip(2))
        {
            switch (child.Type)
            {
                case "object":
                    return child;
                case "if_statement":
                case "for_statement":
                    return child.Named.LastOrDefault(c => c.Type == "object");
                default:
                    break;
            }
        }

        return null;
    }
}

public sealed record BicepResource(string Symbol, string Type, string ApiVersion, bool Existing, BicepNode? Body)
{
    public string TypeAndVersion => $"{Type}@{ApiVersion}";
}

public sealed record BicepParameter(string Name, bool Secure, BicepNode? Default);
