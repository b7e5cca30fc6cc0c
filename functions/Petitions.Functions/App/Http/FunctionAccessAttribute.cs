using System.Collections.Concurrent;
using System.Reflection;

namespace Petitions.Functions.App.Http;

/// <summary>Who may call an HTTP function.</summary>
public enum Audience
{
    /// <summary>Anyone: citizens, the pages, webhooks (which check their own signatures).</summary>
    Public,

    /// <summary>A signed-in member of staff; every state-changing method also needs the CSRF token.</summary>
    Staff,

    /// <summary>Development tooling (<c>/dev/*</c>): absent outside Development; state-changing methods need the CSRF token.</summary>
    Development,
}

/// <summary>
/// Declares an HTTP function's audience, read once per function by <see cref="HttpPolicyMiddleware"/>. An HTTP function
/// without it is refused (default deny): a new staff route cannot forget its sign-in or its CSRF check.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class FunctionAccessAttribute(Audience audience) : Attribute
{
    public Audience Audience { get; } = audience;

    /// <summary>Staff only: false for a route that works signed out too (sign-out); the CSRF check still applies.</summary>
    public bool RequiresSignIn { get; init; } = true;

    /// <summary>The function uses the case tables: held until start-up created them (503 after a while).</summary>
    public bool NeedsStorage { get; init; }

    private static readonly ConcurrentDictionary<string, FunctionAccessAttribute?> ByEntryPoint = new(StringComparer.Ordinal);

    /// <summary>
    /// The attribute of the method named by a function's entry point (<c>Namespace.Type.Method</c>, as in
    /// functions.metadata), or null when the method has none or cannot be found.
    /// </summary>
    public static FunctionAccessAttribute? Of(string? entryPoint) =>
        entryPoint is null ? null : ByEntryPoint.GetOrAdd(entryPoint, static e => MethodOf(e)?.GetCustomAttribute<FunctionAccessAttribute>());

    internal static MethodInfo? MethodOf(string entryPoint)
    {
        var dot = entryPoint.LastIndexOf('.');
        if (dot <= 0)
        {
            return null;
        }

        var type = typeof(FunctionAccessAttribute).Assembly.GetType(entryPoint[..dot]);
        return type?.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
            .FirstOrDefault(m => m.Name == entryPoint[(dot + 1)..]);
    }
}
