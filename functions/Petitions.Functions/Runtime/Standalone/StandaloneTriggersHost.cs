namespace Petitions.Functions.Runtime.Standalone;

/// <summary>Starts <see cref="StandaloneTriggers"/> only when the app is not under the Functions host (which owns triggers then).</summary>
internal sealed class StandaloneTriggersHost(IServiceProvider services, RuntimeMode mode) : IHostedService, IDisposable
{
    private StandaloneTriggers? _triggers;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (mode.IsUnderFunctionsHost)
        {
            return Task.CompletedTask;
        }

        _triggers = ActivatorUtilities.CreateInstance<StandaloneTriggers>(services);
        return _triggers.StartAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) =>
        _triggers?.StopAsync(cancellationToken) ?? Task.CompletedTask;

    public void Dispose() => _triggers?.Dispose();
}
