using Microsoft.Extensions.Logging;
using Petitions.Core.Ports;
using Petitions.Core.UseCases.Common;
using Petitions.Core.UseCases.Staff;

namespace Petitions.Core.UseCases.Inbox;

/// <summary>
/// <c>POST /api/staff/inbox/{id}/read</c>: the owner opened an item (idempotent). Reading is accountability: when the
/// item is an escalation to the responsible head or to a supervisor, the case timeline records <c>seen</c> (who, when)
/// the first time, in a write guarded by the case's ETag. A repeat, or a crash between the two writes followed by a
/// retry, records it once: the case keeps the set of seen escalations.
/// </summary>
public static partial class ReadInboxItem
{
    /// <summary>The command.</summary>
    public sealed record Command(StaffPrincipal Who, string Id);

    /// <summary>Reads.</summary>
    public sealed partial class Handler(IStaffInbox inbox, ICaseStore store, CaseWriter writer, CaseIndexEntries entries, TimeProvider time, ILogger<Handler> logger)
    {
        /// <summary>Marks the item read; true when it exists.</summary>
        public async Task<UseCaseResult<bool>> HandleAsync(Command command, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(command);
            if (string.IsNullOrWhiteSpace(command.Id) || command.Id.Length > 200)
            {
                return UseCaseResult.Fail<bool>(NotFound());
            }

            var now = time.GetUtcNow();
            var read = await inbox.MarkReadAsync(command.Who.StaffId, command.Id, now, cancellationToken).ConfigureAwait(false);
            if (read is not { } marked)
            {
                return UseCaseResult.Fail<bool>(NotFound());
            }

            var item = marked.Item;
            var role = item.Data.GetValueOrDefault("audience") switch
            {
                nameof(NotificationAudience.Head) => "head",
                nameof(NotificationAudience.Supervisor) => "supervisor",
                _ => null,
            };
            if (item.Kind == InboxItemKinds.Escalation && role is not null && item.Data.GetValueOrDefault("key") is { } key)
            {
                await RecordSeenAsync(item, key, role, item.ReadAt ?? now, cancellationToken).ConfigureAwait(false);
            }

            return UseCaseResult.Ok(true);
        }

        private async Task RecordSeenAsync(InboxItem item, string key, string role, DateTimeOffset at, CancellationToken cancellationToken)
        {
            for (var attempt = 0; attempt < 4; attempt++)
            {
                var stored = await store.FindAsync(item.CaseId, cancellationToken).ConfigureAwait(false);
                if (stored is null)
                {
                    return;
                }

                var (@case, letter, etag) = stored;
                var before = entries.For(@case, letter);
                if (!@case.RecordSeen(item.Data.GetValueOrDefault("step") ?? string.Empty, item.Rung ?? string.Empty, key, item.StaffId, role, at))
                {
                    return;
                }

                var outcome = await writer.CommitAsync(@case, letter, etag, before, null, [], cancellationToken).ConfigureAwait(false);
                if (!outcome.Conflicted)
                {
                    LogSeen(logger, item.CaseId, item.Rung ?? string.Empty, role);
                    return;
                }
            }

            throw new InvalidOperationException($"Case {item.CaseId} kept changing while recording a seen escalation.");
        }

        private static UseCaseProblem NotFound() => new(ProblemKind.NotFound, "inbox.notFound", "No such item in your inbox.", []);

        [LoggerMessage(Level = LogLevel.Information, Message = "Case {CaseId}: escalation {Rung} seen by the {Role}")]
        private static partial void LogSeen(ILogger logger, string caseId, string rung, string role);
    }
}
