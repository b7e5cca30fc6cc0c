using Microsoft.Extensions.Logging;
using Petitions.Core.Ports;
using Petitions.Core.UseCases.Common;
using Petitions.Core.UseCases.Reports;

namespace Petitions.Core.UseCases.Processing;

/// <summary>
/// Queue <c>case-outbox</c>: applies a case's outbox. The index is brought to the case's current state (rows from
/// the current case upserted; stale rows named by the items deleted unless the current state has them again), work
/// messages are sent and notifications requested, then each item is removed. Every step is safe to repeat, and a
/// run with no items still re-asserts the current index rows (the safety-net message's job). Last, the reporting store
/// is brought to the case's current state from its events (<see cref="ProjectCaseReport"/>; docs/reports.md): every
/// relay does it, so a redelivery or the safety net repairs a projection that failed, and a version is applied once.
/// </summary>
public static partial class RelayOutbox
{
    /// <summary>The message: the case whose outbox to apply.</summary>
    public sealed record Command(string CaseId);

    /// <summary>What was applied.</summary>
    public sealed record Result(int ItemsApplied, int IndexRows, int StaleRowsDeleted);

    /// <summary>Relays outboxes.</summary>
    public sealed partial class Handler(
        ICaseStore store,
        ICaseIndex index,
        IWorkSender sender,
        INotificationRequests notifications,
        CaseIndexEntries entries,
        ILogger<Handler> logger,
        ProjectCaseReport? reports = null)
    {
        /// <summary>Applies the case's pending outbox items in order.</summary>
        public async Task<Result> HandleAsync(Command command, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(command);
            var stored = await store.FindAsync(command.CaseId, cancellationToken).ConfigureAwait(false);
            if (stored is null)
            {
                // The transaction never committed: nothing to relay.
                return new Result(0, 0, 0);
            }

            var items = await store.OutboxAsync(command.CaseId, cancellationToken).ConfigureAwait(false);
            var current = entries.For(stored.Case, stored.Letter);
            var currentKeys = current.Select(e => e.Key).ToHashSet();
            var stale = items.Where(i => i.Reindex is not null)
                .SelectMany(i => i.Reindex!.Stale)
                .Where(k => !currentKeys.Contains(k))
                .Distinct()
                .ToList();
            await index.UpsertAsync(current, cancellationToken).ConfigureAwait(false);
            if (stale.Count > 0)
            {
                await index.DeleteAsync(stale, cancellationToken).ConfigureAwait(false);
            }

            foreach (var item in items)
            {
                if (item.Work is { } work)
                {
                    await sender.SendAsync(work.Queue, work.Message, work.Delay, cancellationToken).ConfigureAwait(false);
                }

                if (item.Notify is { } notify)
                {
                    await notifications.RequestAsync(notify, cancellationToken).ConfigureAwait(false);
                }

                await store.RemoveOutboxAsync(command.CaseId, item.Id, cancellationToken).ConfigureAwait(false);
            }

            if (reports is not null)
            {
                await reports.ProjectAsync(stored, cancellationToken).ConfigureAwait(false);
            }

            if (items.Count > 0)
            {
                LogRelayed(logger, command.CaseId, items.Count);
            }

            return new Result(items.Count, current.Count, stale.Count);
        }

        [LoggerMessage(Level = LogLevel.Debug, Message = "Case {CaseId}: {Count} outbox item(s) relayed")]
        private static partial void LogRelayed(ILogger logger, string caseId, int count);
    }
}
