using Petitions.LocalHost.Rpc;

namespace Petitions.LocalHost;

/// <summary>One loaded function with its trigger, settings already resolved.</summary>
public sealed record FunctionDescription(
    string Id,
    string Name,
    string TriggerType,
    string TriggerBindingName,
    IReadOnlyDictionary<string, string> TriggerProperties,
    RpcFunctionMetadata Metadata)
{
    public static readonly IReadOnlySet<string> SupportedTriggers =
        new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "httpTrigger", "queueTrigger", "timerTrigger" };
}
