using Petitions.Core.UseCases.Escalations;
using Petitions.Functions.Runtime.Registry;

namespace Petitions.Functions.Functions.EscalationSweep;

/// <summary>
/// Timer every 5 minutes: enqueues each case with an escalation rung due by today. A sweep that missed days (the app
/// was down) catches up in one run: it reads every due bucket up to the policy's horizon, and firing is idempotent.
/// </summary>
internal sealed class EscalationSweepFunction(SweepEscalations.Handler handler) : ITimerFunction
{
    public const string Name = "EscalationSweep";

    public async Task RunAsync(TimerTriggerInfo timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        var result = await handler.HandleAsync(new(), cancellationToken).ConfigureAwait(false);
        timer.Log.Add($"Swept through {result.ReadThrough:yyyy-MM-dd}: {result.RowsRead} row(s), {result.CasesEnqueued} case(s) enqueued");
    }
}
