using Microsoft.Azure.Functions.Worker;
using Petitions.Core.UseCases.Escalations;

namespace Petitions.Functions.Functions.EscalationSweep;

/// <summary>
/// Timer <c>%EscalationSweepSchedule%</c> (every 5 minutes): enqueues each case with an escalation rung due by today.
/// A sweep that missed days (the app was down) catches up in one run: it reads every due bucket up to the policy's
/// horizon, and firing is idempotent.
/// </summary>
public sealed partial class EscalationSweepFunction(SweepEscalations.Handler handler, ILogger<EscalationSweepFunction> logger)
{
    public const string Name = "EscalationSweep";

    [Function(Name)]
    public async Task RunAsync([TimerTrigger("%EscalationSweepSchedule%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        var result = await handler.HandleAsync(new(), cancellationToken).ConfigureAwait(false);
        LogSwept(logger, result.ReadThrough.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), result.RowsRead, result.CasesEnqueued, timer.IsPastDue);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Swept through {ReadThrough}: {Rows} row(s), {Cases} case(s) enqueued (past due: {IsPastDue})")]
    private static partial void LogSwept(ILogger logger, string readThrough, int rows, int cases, bool isPastDue);
}
