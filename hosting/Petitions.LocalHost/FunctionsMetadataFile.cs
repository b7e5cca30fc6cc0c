using System.Text.Json;
using Petitions.LocalHost.Rpc;

namespace Petitions.LocalHost;

/// <summary>Reads the build's functions.metadata, the fallback when the worker does not index itself.</summary>
internal static class FunctionsMetadataFile
{
    public static List<RpcFunctionMetadata> Read(string scriptRoot)
    {
        var path = Path.Combine(scriptRoot, "functions.metadata");
        if (!File.Exists(path))
        {
            throw new LocalHostStartupException($"The worker listed no functions and '{path}' does not exist.");
        }

        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var result = new List<RpcFunctionMetadata>();
        foreach (var f in doc.RootElement.EnumerateArray())
        {
            var metadata = new RpcFunctionMetadata
            {
                Name = f.GetProperty("name").GetString()!,
                ScriptFile = f.TryGetProperty("scriptFile", out var s) ? s.GetString() ?? "" : "",
                EntryPoint = f.TryGetProperty("entryPoint", out var e) ? e.GetString() ?? "" : "",
                Language = f.TryGetProperty("language", out var l) ? l.GetString() ?? "" : "",
                Directory = scriptRoot,
                FunctionId = Guid.NewGuid().ToString(),
            };
            foreach (var b in f.GetProperty("bindings").EnumerateArray())
            {
                metadata.RawBindings.Add(b.GetRawText());
                var direction = b.TryGetProperty("direction", out var d) ? d.GetString() : "In";
                metadata.Bindings[b.GetProperty("name").GetString()!] = new BindingInfo
                {
                    Type = b.GetProperty("type").GetString()!,
                    Direction = string.Equals(direction, "Out", StringComparison.OrdinalIgnoreCase) ? BindingInfo.Types.Direction.Out : BindingInfo.Types.Direction.In,
                };
            }

            result.Add(metadata);
        }

        return result;
    }
}
