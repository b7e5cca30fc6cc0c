namespace Petitions.Functions.Functions.Reception;

/// <summary>
/// Creates a table once, on first use, so that the app starts even when storage is not up yet; a failed or cancelled
/// creation is tried again by the next caller.
/// </summary>
internal sealed class TableOnDemand(Func<CancellationToken, Task<bool>> create)
{
    private readonly Lock _lock = new();
    private Task<bool>? _created;

    /// <summary>Waits until the table exists.</summary>
    public Task ReadyAsync(CancellationToken cancellationToken)
    {
        Task<bool> creating;
        lock (_lock)
        {
            if (_created is { IsFaulted: true } or { IsCanceled: true })
            {
                _created = null;
            }

            creating = _created ??= create(CancellationToken.None);
        }

        return creating.WaitAsync(cancellationToken);
    }
}
