using Microsoft.Extensions.Logging;
using Petitions.LocalHost.Rpc;

namespace Petitions.LocalHost;

/// <summary>Runs one non-HTTP invocation on the current worker and says whether it succeeded.</summary>
internal sealed class TriggerInvoker(WorkerSupervisor supervisor, ILogger logger)
{
    public async Task<bool> InvokeAsync(FunctionDescription function, TypedData triggerData, IReadOnlyDictionary<string, TypedData> metadata, CancellationToken ct)
    {
        var session = await supervisor.Ready.WaitAsync(ct).ConfigureAwait(false);
        var request = new InvocationRequest { InvocationId = Guid.NewGuid().ToString(), FunctionId = function.Id, TraceContext = new RpcTraceContext() };
        request.InputData.Add(new ParameterBinding { Name = function.TriggerBindingName, Data = triggerData });
        foreach (var (key, value) in metadata)
        {
            request.TriggerMetadata[key] = value;
        }

        try
        {
            var response = await session.InvokeAsync(request, ct).ConfigureAwait(false);
            if (response.Result?.Status == StatusResult.Types.Status.Success)
            {
                return true;
            }

            logger.LogWarning("Function {Function} failed, invocation {InvocationId}: {Error}", function.Name, request.InvocationId, response.Result?.Exception?.Message);
            return false;
        }
        catch (Exception e) when (e is IOException or InvalidOperationException)
        {
            logger.LogWarning("Function {Function} lost its worker during invocation {InvocationId}", function.Name, request.InvocationId);
            return false;
        }
    }
}
