using Petitions.Core.UseCases.Common;
using Petitions.Functions.Runtime.Registry;

namespace Petitions.Functions.Functions.FireEscalations;

/// <summary>Queue <c>escalations</c>: fires the case's due escalation rungs, each once.</summary>
internal sealed class FireEscalationsFunction(Core.UseCases.Escalations.FireEscalations.Handler handler) : IQueueFunction
{
    public const string Name = "FireEscalations";

    public async Task RunAsync(QueueTriggerMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var caseId = CaseWriter.CaseIdOf(message.MessageText)
            ?? throw new FormatException("The message is not a case message ({\"caseId\":…}).");
        var result = await handler.HandleAsync(new(caseId), cancellationToken).ConfigureAwait(false);
        message.Log.Add($"Case {caseId}: {result.Fired.Count} rung(s) fired");
    }
}
