using Microsoft.Extensions.Logging;
using Petitions.Core.Calendar;
using Petitions.Core.Ports;

namespace Petitions.Core.UseCases.Calendar;

/// <summary>
/// At start-up: compares the hash of each year's official schedule shipped with this build with the hash the deadlines
/// were last recomputed with (<see cref="ICalendarVersions"/>), and runs <see cref="MoveDeadlinesForCalendar"/> for every
/// year that was added, corrected or withdrawn, oldest first. A year's hash is saved only once its recomputation has
/// finished, so a start that crashed midway runs that year again; that is safe because the move is idempotent (a clock
/// already recomputed does not move, and each move is committed with its citizen notice in one transaction). A second
/// start with the same data moves nothing and reads no case. On a system that never recorded hashes every shipped year
/// is recomputed once. The documents must be those of the working calendar the deadline calculator uses.
/// </summary>
public static partial class RecomputeCalendarOnStart
{
    /// <summary>The schedule documents to compare (null: the embedded ones, which the default calendar uses).</summary>
    public sealed record Command(IReadOnlyList<string>? Schedules = null);

    /// <summary>Per recomputed year, what moved.</summary>
    public sealed record YearRecomputed(int Year, string Reason, int CasesRead, int DueDatesMoved, int CitizensNotified);

    /// <summary>The years recomputed (empty when nothing changed).</summary>
    public sealed record Result(IReadOnlyList<YearRecomputed> Years);

    /// <summary>Compares and recomputes.</summary>
    public sealed partial class Handler(ICalendarVersions versions, MoveDeadlinesForCalendar.Handler mover, ILogger<Handler> logger)
    {
        /// <summary>Runs once per start.</summary>
        public async Task<Result> HandleAsync(Command? command = null, CancellationToken cancellationToken = default)
        {
            var current = CalendarFingerprint.Of(command?.Schedules ?? CalendarFingerprint.EmbeddedDocuments());
            var stored = await versions.ReadAsync(cancellationToken).ConfigureAwait(false);
            var done = new List<YearRecomputed>();
            foreach (var year in current.Keys.Union(stored.Keys).Order())
            {
                var hash = current.TryGetValue(year, out var now) ? now.Hash : CalendarFingerprint.RulesOnly;
                if (stored.TryGetValue(year, out var before) && string.Equals(before, hash, StringComparison.Ordinal))
                {
                    continue;
                }

                var reason = current.TryGetValue(year, out var added) ? Added(year, added.Schedule) : Withdrawn(year);
                var moved = await mover.HandleAsync(new(year, reason), cancellationToken).ConfigureAwait(false);
                await versions.SaveAsync(year, hash, cancellationToken).ConfigureAwait(false);
                LogYear(logger, year, moved.CasesRead, moved.Moves.Count, moved.CitizensNotified);
                done.Add(new YearRecomputed(year, reason, moved.CasesRead, moved.Moves.Count, moved.CitizensNotified));
            }

            return new Result(done);
        }

        private static string Added(int year, OfficialYearSchedule schedule) =>
            $"lịch nghỉ chính thức năm {year} được bổ sung hoặc đính chính ({string.Join("; ", schedule.Sources.Select(s => s.Document))})";

        private static string Withdrawn(int year) =>
            $"lịch nghỉ chính thức năm {year} được rút khỏi dữ liệu; áp dụng ngày nghỉ theo Bộ luật Lao động 2019";

        [LoggerMessage(Level = LogLevel.Information, Message = "Calendar {Year} changed: {Cases} case(s) read, {Moves} due date(s) moved, {Notified} citizen notice(s)")]
        private static partial void LogYear(ILogger logger, int year, int cases, int moves, int notified);
    }
}
