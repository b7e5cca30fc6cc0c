using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Petitions.LocalHost.TestWorker;

/// <summary>
/// Holds the worker's web host before Kestrel binds (startup filters run while the pipeline is built,
/// before the server starts), so the worker's gRPC handshake ends while its HTTP address still refuses
/// connections: what a loaded machine does by chance, made certain.
/// </summary>
internal sealed class SlowHttpStart(TimeSpan delay) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        Thread.Sleep(delay);
        next(app);
    };
}
