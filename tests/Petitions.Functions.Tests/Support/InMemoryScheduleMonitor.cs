using Petitions.Functions.Runtime.Standalone;

namespace Petitions.Functions.Tests.Support;

/// <summary>A schedule monitor in memory with the same conditional-write rule as the table one (version = counter).</summary>
internal sealed class InMemoryScheduleMonitor : IScheduleMonitor
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, ScheduleRecord> _rows = new(StringComparer.OrdinalIgnoreCase);
    private int _version;

    public Task<ScheduleRecord?> GetAsync(string function, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_rows.GetValueOrDefault(function));
        }
    }

    public Task<bool> TryWriteAsync(string function, ScheduleRecord? current, ScheduleRecord next, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var existing = _rows.GetValueOrDefault(function);
            if (existing?.Version != current?.Version)
            {
                return Task.FromResult(false);
            }

            _rows[function] = next with { Version = (++_version).ToString(System.Globalization.CultureInfo.InvariantCulture) };
            return Task.FromResult(true);
        }
    }
}
