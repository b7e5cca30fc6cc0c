using Microsoft.Extensions.Hosting;

namespace Petitions.LocalHost;

/// <summary>
/// The lifetime of the host's two inner web applications (gRPC, HTTP): none of their own. The default,
/// ConsoleLifetime, registers SIGINT, SIGTERM and SIGQUIT handlers that cancel the signal's default
/// action and only set those applications' ApplicationStopping, which nobody waits on (they are started
/// and stopped by <see cref="LocalFunctionsHost"/>): a SIGTERM then stopped nothing and did not end the
/// process. Whoever holds the <see cref="LocalFunctionsHost"/> (Program, a test) owns the signals.
/// </summary>
internal sealed class EmbeddedLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
