using Microsoft.Azure.Functions.Worker;
using Petitions.Core.UseCases.Common;

namespace Petitions.Functions.Functions.RelayOutbox;

/// <summary>Queue <c>%OutboxQueueName%</c>: applies a case's outbox (index rows, queue messages, notification requests).</summary>
public sealed partial class RelayOutboxFunction(Core.UseCases.Processing.RelayOutbox.Handler handler, ILogger<RelayOutboxFunction> logger)
{
    public const string Name = "RelayOutbox";

    [Function(Name)]
    public async Task RunAsync([QueueTrigger("%OutboxQueueName%")] string message, CancellationToken cancellationToken)
    {
        var caseId = CaseWriter.CaseIdOf(message)
            ?? throw new FormatException("The message is not a case message ({\"caseId\":…}).");
        var result = await handler.HandleAsync(new(caseId), cancellationToken).ConfigureAwait(false);
        LogDone(logger, caseId, result.ItemsApplied, result.IndexRows);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Case {CaseId}: {Items} outbox item(s), {IndexRows} index row(s)")]
    private static partial void LogDone(ILogger logger, string caseId, int items, int indexRows);
}
