using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Petitions.Infra.Tests;

/// <summary>An ARM template language expression ("[...]" strings of the compiled template).</summary>
public abstract record ArmExpr
{
    public sealed record Str(string Value) : ArmExpr;

    public sealed record Num(long Value) : ArmExpr;

    public sealed record Call(string Name, IReadOnlyList<ArmExpr> Args) : ArmExpr;

    public sealed record Member(ArmExpr Target, string Name) : ArmExpr;

    public sealed record Index(ArmExpr Target, ArmExpr Key) : ArmExpr;

    /// <summary>Every sub-expression, this one included.</summary>
    public IEnumerable<ArmExpr> Descendants()
    {
        yield return this;
        var children = this switch
        {
            Call c => c.Args,
            Member m => [m.Target],
            Index i => [i.Target, i.Key],
            _ => (IReadOnlyList<ArmExpr>)[],
        };
        foreach (var d in children.SelectMany(c => c.Descendants()))
        {
            yield return d;
        }
    }

    /// <summary>The string literal arguments of every call to <paramref name="function"/> inside this expression.</summary>
    public IEnumerable<IReadOnlyList<string?>> CallsTo(string function) =>
        Descendants().OfType<Call>().Where(c => c.Name.Equals(function, StringComparison.OrdinalIgnoreCase))
            .Select(c => (IReadOnlyList<string?>)c.Args.Select(a => (a as Str)?.Value).ToList());

    /// <summary>The first argument of every call to <paramref name="function"/>, when it is a string literal.</summary>
    public IEnumerable<string> FirstArgumentsOf(string function) =>
        CallsTo(function).Where(a => a.Count > 0 && a[0] is not null).Select(a => a[0]!);

    /// <summary>An ARM string: an expression when it is "[...]" (not "[[..."), otherwise a literal.</summary>
    public static ArmExpr FromString(string value) =>
        value.StartsWith('[') && value.EndsWith(']') && !value.StartsWith("[[", StringComparison.Ordinal)
            ? Parse(value[1..^1])
            : new Str(value);

    public static ArmExpr Parse(string text)
    {
        var parser = new Parser(text);
        var e = parser.Expression();
        parser.End();
        return e;
    }

    private sealed class Parser(string text)
    {
        private int pos;

        public void End()
        {
            Skip();
            if (pos != text.Length)
            {
                throw new FormatException($"unexpected '{text[pos..]}' in {text}");
            }
        }

        public ArmExpr Expression()
        {
            Skip();
            ArmExpr e;
            var c = text[pos];
            if (c == '\'')
            {
                e = new Str(StringLiteral());
            }
            else if (char.IsDigit(c) || c == '-')
            {
                var start = pos++;
                while (pos < text.Length && char.IsDigit(text[pos]))
                {
                    pos++;
                }

                e = new Num(long.Parse(text[start..pos], CultureInfo.InvariantCulture));
            }
            else
            {
                var name = Identifier();
                Expect('(');
                var args = new List<ArmExpr>();
                Skip();
                if (text[pos] != ')')
                {
                    args.Add(Expression());
                    Skip();
                    while (text[pos] == ',')
                    {
                        pos++;
                        args.Add(Expression());
                        Skip();
                    }
                }

                Expect(')');
                e = new Call(name, args);
            }

            while (true)
            {
                Skip();
                if (pos < text.Length && text[pos] == '.')
                {
                    pos++;
                    e = new Member(e, Identifier());
                }
                else if (pos < text.Length && text[pos] == '[')
                {
                    pos++;
                    var key = Expression();
                    Expect(']');
                    e = new Index(e, key);
                }
                else
                {
                    return e;
                }
            }
        }

        private string StringLiteral()
        {
            var sb = new StringBuilder();
            pos++;
            while (true)
            {
                if (text[pos] == '\'')
                {
                    if (pos + 1 < text.Length && text[pos + 1] == '\'')
                    {
                        sb.Append('\'');
                        pos += 2;
                        continue;
                    }

                    pos++;
                    return sb.ToString();
                }

                sb.Append(text[pos++]);
            }
        }

        private string Identifier()
        {
            Skip();
            var start = pos;
            while (pos < text.Length && (char.IsLetterOrDigit(text[pos]) || text[pos] is '_' or '$' or '#'))
            {
                pos++;
            }

            if (start == pos)
            {
                throw new FormatException($"identifier expected at {pos} in {text}");
            }

            return text[start..pos];
        }

        private void Expect(char c)
        {
            Skip();
            if (pos >= text.Length || text[pos] != c)
            {
                throw new FormatException($"'{c}' expected at {pos} in {text}");
            }

            pos++;
        }

        private void Skip()
        {
            while (pos < text.Length && text[pos] == ' ')
            {
                pos++;
            }
        }
    }
}

/// <summary>
/// A (nested) template and where it sits: the deployment that holds it, whose parameter values
/// are expressions of the parent template.
/// </summary>
public sealed class ArmScope(JsonElement template, ArmScope? parent = null, JsonElement? deployment = null)
{
    public JsonElement Template { get; } = template;

    public ArmScope? Parent { get; } = parent;

    /// <summary>The Microsoft.Resources/deployments resource holding this template (null at the top).</summary>
    public JsonElement? Deployment { get; } = deployment;

    public string DeploymentName => Deployment?.GetProperty("name").GetString() ?? "(main)";

    /// <summary>This template's resources (not those of nested deployments).</summary>
    public IEnumerable<JsonElement> Resources =>
        !Template.TryGetProperty("resources", out var r) ? []
        : r.ValueKind == JsonValueKind.Object ? r.EnumerateObject().Select(p => p.Value).ToList()
        : r.EnumerateArray().ToList();

    /// <summary>This scope and every nested deployment's scope, recursively.</summary>
    public IEnumerable<ArmScope> Scopes()
    {
        yield return this;
        foreach (var d in Resources.Where(r => r.GetProperty("type").GetString() == "Microsoft.Resources/deployments"
                     && r.GetProperty("properties").TryGetProperty("template", out _)))
        {
            foreach (var s in new ArmScope(d.GetProperty("properties").GetProperty("template"), this, d).Scopes())
            {
                yield return s;
            }
        }
    }

    public IEnumerable<(ArmScope Scope, JsonElement Resource)> AllResources(string type) =>
        Scopes().SelectMany(s => s.Resources.Select(r => (s, r)))
            .Where(x => string.Equals(x.r.GetProperty("type").GetString(), type, StringComparison.OrdinalIgnoreCase));

    public ArmScope Child(string deploymentName) =>
        Scopes().Single(s => s.Parent == this && s.DeploymentName == deploymentName);

    /// <summary>
    /// Evaluates what can be known before deployment: literals, variables, parameters passed from
    /// the parent, createObject, union, format, if with a known condition and property access.
    /// Anything else (reference(), resourceId(), ...) comes back as an <see cref="Unknown"/>.
    /// </summary>
    public object? Evaluate(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => Evaluate(ArmExpr.FromString(value.GetString()!)),
        JsonValueKind.Object => value.EnumerateObject().ToDictionary(p => p.Name, p => Evaluate(p.Value), StringComparer.Ordinal),
        JsonValueKind.Array => value.EnumerateArray().Select(Evaluate).ToList(),
        JsonValueKind.Number => value.GetInt64(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    public object? Evaluate(ArmExpr e)
    {
        switch (e)
        {
            case ArmExpr.Str s:
                return s.Value;
            case ArmExpr.Num n:
                return n.Value;
            case ArmExpr.Call { Name: "variables", Args: [ArmExpr.Str name] }:
                return Evaluate(Template.GetProperty("variables").GetProperty(name.Value));
            case ArmExpr.Call { Name: "parameters", Args: [ArmExpr.Str name] }:
                if (Deployment is { } d && Parent is not null
                    && d.GetProperty("properties").TryGetProperty("parameters", out var passed)
                    && passed.TryGetProperty(name.Value, out var p) && p.TryGetProperty("value", out var v))
                {
                    return Parent.Evaluate(v);
                }

                return new Unknown(e, this);
            case ArmExpr.Call { Name: "createObject" } c:
            {
                var args = c.Args.Select(Evaluate).ToList();
                var o = new Dictionary<string, object?>(StringComparer.Ordinal);
                for (var i = 0; i + 1 < args.Count; i += 2)
                {
                    o[(string)args[i]!] = args[i + 1];
                }

                return o;
            }

            case ArmExpr.Call { Name: "union" } c:
            {
                var args = c.Args.Select(Evaluate).ToList();
                var o = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var a in args)
                {
                    switch (a)
                    {
                        case Dictionary<string, object?> known:
                            foreach (var kv in known)
                            {
                                o[kv.Key] = kv.Value;
                            }

                            break;
                        // union(..., if(cond, {a: x}, {})): a is set only when cond holds.
                        case Conditional { Then: Dictionary<string, object?> then, Else: Dictionary<string, object?> otherwise } conditional:
                            foreach (var key in then.Keys.Union(otherwise.Keys))
                            {
                                o[key] = new Conditional(conditional.Condition, then.GetValueOrDefault(key), otherwise.GetValueOrDefault(key));
                            }

                            break;
                        default:
                            return new Unknown(e, this);
                    }
                }

                return o;
            }

            case ArmExpr.Call { Name: "if", Args: [var condition, var then, var otherwise] }:
                return Evaluate(condition) switch
                {
                    true => Evaluate(then),
                    false => Evaluate(otherwise),
                    _ => new Conditional(condition, Evaluate(then), Evaluate(otherwise)),
                };
            case ArmExpr.Call { Name: "format" } c:
            {
                var args = c.Args.Select(Evaluate).ToList();
                return args.All(a => a is string or long)
                    ? string.Format(CultureInfo.InvariantCulture, (string)args[0]!, args.Skip(1).ToArray())
                    : new Unknown(e, this);
            }

            case ArmExpr.Member m:
                return Evaluate(m.Target) is Dictionary<string, object?> obj && obj.TryGetValue(m.Name, out var member)
                    ? member
                    : new Unknown(e, this);
            default:
                return new Unknown(e, this);
        }
    }

    /// <summary>A value known only at deployment, kept with the scope it must be read in.</summary>
    public sealed record Unknown(ArmExpr Expression, ArmScope Scope);

    /// <summary>if(condition, then, else) whose condition is known only at deployment.</summary>
    public sealed record Conditional(ArmExpr Condition, object? Then, object? Else);
}
