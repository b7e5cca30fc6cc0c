using Microsoft.Extensions.Logging;
using Petitions.Core.Ports;

namespace Petitions.Core.UseCases.Reports;

/// <summary>
/// Rebuilds the reporting store from the case events: clears it, then projects every case of the case store. Live
/// relays may run meanwhile: each case's report is applied once per version, so they and the rebuild converge.
/// </summary>
public static partial class RebuildReports
{
    /// <summary>What was rebuilt.</summary>
    public sealed record Result(int Cases, TimeSpan Took);

    /// <summary>Rebuilds.</summary>
    public sealed partial class Handler(ICaseCatalogue catalogue, IReportStore reports, ProjectCaseReport projection, TimeProvider time, ILogger<Handler> logger)
    {
        /// <summary>Clears the store and projects every case, <paramref name="parallelism"/> at a time.</summary>
        public async Task<Result> HandleAsync(int parallelism = 8, CancellationToken cancellationToken = default)
        {
            var started = time.GetTimestamp();
            await reports.ClearAsync(cancellationToken).ConfigureAwait(false);
            var count = 0;
            await Parallel.ForEachAsync(
                catalogue.CaseIdsAsync(cancellationToken),
                new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism), CancellationToken = cancellationToken },
                async (id, ct) =>
                {
                    if (await projection.ProjectAsync(id, ct).ConfigureAwait(false))
                    {
                        Interlocked.Increment(ref count);
                    }
                }).ConfigureAwait(false);
            var took = time.GetElapsedTime(started);
            LogRebuilt(logger, count, took.TotalSeconds);
            return new Result(count, took);
        }

        [LoggerMessage(Level = LogLevel.Information, Message = "Reports rebuilt from {Cases} case(s) in {Seconds:F1} s")]
        private static partial void LogRebuilt(ILogger logger, int cases, double seconds);
    }
}
