using System.Globalization;
using Microsoft.Extensions.Logging;
using Petitions.Core.Escalation;
using Petitions.Core.LegalClock;
using Petitions.Core.Ports;
using Petitions.Core.UseCases.Common;

namespace Petitions.Core.UseCases.Escalations;

/// <summary>
/// Timer (every 5 minutes): reads only the due-date buckets up to <see cref="EscalationPolicy.ReadDueDatesThrough"/>
/// (its cost grows with the cases due, not with all cases) and enqueues on <c>escalations</c> each case whose next
/// unfired rung falls due by today. Repeating it is harmless: firing is idempotent.
/// </summary>
public static partial class SweepEscalations
{
    /// <summary>The sweep; <see cref="Now"/> defaults to the application clock.</summary>
    public sealed record Command(DateTimeOffset? Now = null);

    /// <summary>What the sweep saw and did.</summary>
    public sealed record Result(DateOnly ReadThrough, int RowsRead, int CasesEnqueued);

    /// <summary>Sweeps.</summary>
    public sealed partial class Handler(ICaseIndex index, IWorkSender sender, EscalationPolicy policy, TimeProvider time, ILogger<Handler> logger)
    {
        /// <summary>Enqueues the cases with a rung due.</summary>
        public async Task<Result> HandleAsync(Command command, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(command);
            var now = command.Now ?? time.GetUtcNow();
            var today = VietnamDate.Of(now);
            var sweep = SweepId(now);
            var through = policy.ReadDueDatesThrough(today);
            var query = new IndexQuery("due-", CaseIndexEntries.DuePartition(through), null, 1000, null);
            var rows = 0;
            var due = new SortedSet<string>(StringComparer.Ordinal);
            await foreach (var entry in index.ScanAsync(query, cancellationToken).ConfigureAwait(false))
            {
                rows++;
                if (entry.Values.NextRungOn is { } next && next <= today)
                {
                    due.Add(entry.Values.CaseId);
                }
            }

            foreach (var caseId in due)
            {
                await sender.SendAsync(CaseQueues.Escalations, CaseWriter.EscalationMessageFor(caseId, sweep), null, cancellationToken).ConfigureAwait(false);
            }

            LogSwept(logger, through.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), rows, due.Count);
            return new Result(through, rows, due.Count);
        }

        /// <summary>The id of a sweep run: its minute, <c>yyyyMMddHHmm</c> UTC (runs are 5 minutes apart).</summary>
        public static string SweepId(DateTimeOffset now) => now.UtcDateTime.ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture);

        [LoggerMessage(Level = LogLevel.Information, Message = "Escalation sweep through {Through}: {Rows} due row(s) read, {Cases} case(s) enqueued")]
        private static partial void LogSwept(ILogger logger, string through, int rows, int cases);
    }
}
