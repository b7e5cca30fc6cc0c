using System.Globalization;
using Microsoft.Extensions.Logging;
using Petitions.Core.Cases;
using Petitions.Core.LegalClock;
using Petitions.Core.Organisation;
using Petitions.Core.Ports;
using Petitions.Core.UseCases.Common;

namespace Petitions.Core.UseCases.Calendar;

/// <summary>
/// Deadlines that move when the calendar does (issue 16): after a year's official schedule was added or corrected,
/// the cases whose clocks run through that year (open ones, and resolved ones with a decision to send or not yet in
/// effect) are recomputed with the calculator's (new) calendar. Each
/// changed due date is recorded on its case as a <see cref="CaseDeadlineMoved"/> with both dates and the reason; the
/// case is committed through <see cref="CaseWriter"/>, whose outbox re-indexes it (the due-date rows the escalation
/// sweep reads); the citizen is told when a date moves later. Running it again changes nothing.
/// </summary>
public static partial class MoveDeadlinesForCalendar
{
    /// <summary>The template of the citizen's notice (maps to <see cref="Notifications.NotificationEvent.DeadlineMoved"/>).</summary>
    public const string CitizenTemplate = "case.deadlineMoved";

    /// <summary>Recompute for <paramref name="Year"/>, saying why (e.g. "lịch nghỉ 2027 theo Công văn …/VPCP-KGVX").</summary>
    public sealed record Command(int Year, string Reason, DateTimeOffset? Now = null);

    /// <summary>What was read and moved.</summary>
    public sealed record Result(int CasesRead, IReadOnlyList<CaseDeadlineMoved> Moves, int CitizensNotified);

    /// <summary>Recomputes.</summary>
    public sealed partial class Handler(
        ICaseIndex index,
        ICaseStore store,
        CaseWriter writer,
        CaseIndexEntries entries,
        OrganisationChart chart,
        DeadlineCalculator calculator,
        TimeProvider time,
        ILogger<Handler> logger)
    {
        /// <summary>Moves the open cases' due dates for the year's calendar.</summary>
        public async Task<Result> HandleAsync(Command command, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(command);
            ArgumentException.ThrowIfNullOrWhiteSpace(command.Reason);
            var now = command.Now ?? time.GetUtcNow();
            var ids = await CandidatesAsync(command.Year, cancellationToken).ConfigureAwait(false);
            var moves = new List<CaseDeadlineMoved>();
            var notified = 0;
            foreach (var id in ids)
            {
                var (moved, told) = await MoveAsync(id, command, now, cancellationToken).ConfigureAwait(false);
                moves.AddRange(moved);
                notified += told;
            }

            LogMoved(logger, command.Year, ids.Count, moves.Count, notified);
            return new Result(ids.Count, moves, notified);
        }

        /// <summary>
        /// The open cases that may have a clock through the year: running clocks due from 1 January of the year on
        /// (the due-date rows), and the suspended cases of every unit (a paused clock has no due row).
        /// </summary>
        private async Task<SortedSet<string>> CandidatesAsync(int year, CancellationToken cancellationToken)
        {
            var ids = new SortedSet<string>(StringComparer.Ordinal);
            var dueFrom = CaseIndexEntries.DuePartition(new DateOnly(year, 1, 1));
            var dueTo = CaseIndexEntries.DuePartition(DateOnly.MaxValue);
            await foreach (var entry in index.ScanAsync(new IndexQuery(dueFrom, dueTo, null, 1000, null), cancellationToken).ConfigureAwait(false))
            {
                ids.Add(entry.Values.CaseId);
            }

            var suspended = CaseNames.Status(CaseStatus.Suspended);
            foreach (var unit in chart.Units)
            {
                var partition = CaseIndexEntries.UnitPartition(unit.Id, suspended);
                await foreach (var entry in index.ScanAsync(new IndexQuery(partition, partition, null, 1000, null), cancellationToken).ConfigureAwait(false))
                {
                    ids.Add(entry.Values.CaseId);
                }
            }

            return ids;
        }

        private async Task<(IReadOnlyList<CaseDeadlineMoved> Moves, int Notified)> MoveAsync(
            string caseId, Command command, DateTimeOffset now, CancellationToken cancellationToken)
        {
            for (var attempt = 0; ; attempt++)
            {
                var stored = await store.FindAsync(caseId, cancellationToken).ConfigureAwait(false);
                if (stored is null || !stored.Case.HasLiveClocks)
                {
                    return ([], 0);
                }

                var (@case, letter, etag) = stored;
                var before = entries.For(@case, letter);
                var moved = @case.RecomputeForCalendar(command.Year, command.Reason, "system", now, calculator);
                if (moved.Count == 0)
                {
                    return ([], 0);
                }

                var notify = moved.Where(m => m.Later).Select(m => CitizenNotice(@case, letter, m)).ToList();
                var outcome = await writer.CommitAsync(@case, letter, etag, before, null, notify, cancellationToken).ConfigureAwait(false);
                if (!outcome.Conflicted)
                {
                    return (moved, notify.Count);
                }

                if (attempt >= 3)
                {
                    throw new InvalidOperationException($"Case {caseId} kept changing while its deadlines were recomputed.");
                }
            }
        }

        private static NotificationRequest CitizenNotice(Case @case, CaseLetter letter, CaseDeadlineMoved move)
        {
            static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var key = $"deadline-moved|{move.Step}|{Iso(move.PreviousDue)}|{Iso(move.NewDue)}";
            return new NotificationRequest(
                NotificationRequest.IdFor(@case.Id, key, NotificationAudience.Citizen, null),
                @case.Id,
                CitizenTemplate,
                NotificationAudience.Citizen,
                null,
                new Dictionary<string, string>
                {
                    ["trackingCode"] = @case.Id,
                    ["unitId"] = CaseIndexEntries.UnitOf(@case, letter),
                    ["step"] = move.Step,
                    ["previousDue"] = Iso(move.PreviousDue),
                    ["newDate"] = Iso(move.NewDue),
                    ["reason"] = move.Reason,
                });
        }

        [LoggerMessage(Level = LogLevel.Information, Message = "Calendar {Year}: {Cases} open case(s) read, {Moves} due date(s) moved, {Notified} citizen notice(s)")]
        private static partial void LogMoved(ILogger logger, int year, int cases, int moves, int notified);
    }
}
