namespace Petitions.Functions.Runtime.Registry;

/// <summary>Endpoint metadata naming the function (its function.json folder) that an HTTP endpoint serves.</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, AllowMultiple = false)]
internal sealed class FunctionNameAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
