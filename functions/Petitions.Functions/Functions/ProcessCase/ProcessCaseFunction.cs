using Petitions.Core.UseCases.Common;
using Petitions.Core.UseCases.Processing;
using Petitions.Functions.Runtime.Registry;

namespace Petitions.Functions.Functions.ProcessCase;

/// <summary>Queue <c>case-intake</c>: routes and assigns a received case (idempotent: a redelivery finds it routed).</summary>
internal sealed class ProcessCaseFunction(Core.UseCases.Processing.ProcessCase.Handler handler) : IQueueFunction
{
    public const string Name = "ProcessCase";

    public async Task RunAsync(QueueTriggerMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var caseId = CaseWriter.CaseIdOf(message.MessageText)
            ?? throw new FormatException("The message is not a case message ({\"caseId\":…}).");
        var outcome = await handler.HandleAsync(new(caseId), cancellationToken).ConfigureAwait(false);
        message.Log.Add($"Case {caseId}: {outcome}");
    }
}
