using Petitions.Core.UseCases.Common;
using Petitions.Functions.Runtime.Registry;

namespace Petitions.Functions.Functions.RelayOutbox;

/// <summary>Queue <c>case-outbox</c>: applies a case's outbox (index rows, queue messages, notification requests).</summary>
internal sealed class RelayOutboxFunction(Core.UseCases.Processing.RelayOutbox.Handler handler) : IQueueFunction
{
    public const string Name = "RelayOutbox";

    public async Task RunAsync(QueueTriggerMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var caseId = CaseWriter.CaseIdOf(message.MessageText)
            ?? throw new FormatException("The message is not a case message ({\"caseId\":…}).");
        var result = await handler.HandleAsync(new(caseId), cancellationToken).ConfigureAwait(false);
        message.Log.Add($"Case {caseId}: {result.ItemsApplied} outbox item(s), {result.IndexRows} index row(s)");
    }
}
