using Grpc.Core;
using Microsoft.Extensions.Logging;
using Petitions.LocalHost.Rpc;

namespace Petitions.LocalHost;

/// <summary>The gRPC server side of the language-worker protocol: one session per event stream.</summary>
internal sealed class FunctionRpcService(WorkerSupervisor supervisor, ILoggerFactory loggers) : FunctionRpc.FunctionRpcBase
{
    public override async Task EventStream(IAsyncStreamReader<StreamingMessage> requestStream, IServerStreamWriter<StreamingMessage> responseStream, ServerCallContext context)
    {
        using var session = new WorkerSession(requestStream, responseStream, supervisor, loggers.CreateLogger("Host.Rpc"));
        try
        {
            await session.RunAsync(context.CancellationToken).ConfigureAwait(false);
        }
        catch (LocalHostStartupException e)
        {
            supervisor.OnSessionFailed(e);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException)
        {
            // the worker went away; the supervisor restarts it
        }
    }
}
