using Microsoft.Azure.Functions.Worker;
using Petitions.Core.UseCases.Common;

namespace Petitions.Functions.Functions.FireEscalations;

/// <summary>Queue <c>%EscalationsQueueName%</c>: fires the case's due escalation rungs, each once.</summary>
public sealed partial class FireEscalationsFunction(Core.UseCases.Escalations.FireEscalations.Handler handler, ILogger<FireEscalationsFunction> logger)
{
    public const string Name = "FireEscalations";

    [Function(Name)]
    public async Task RunAsync([QueueTrigger("%EscalationsQueueName%")] string message, CancellationToken cancellationToken)
    {
        var parsed = CaseWriter.CaseMessageOf(message)
            ?? throw new FormatException("The message is not a case message ({\"caseId\":…}).");
        var result = await handler.HandleAsync(new(parsed.CaseId, parsed.Sweep), cancellationToken).ConfigureAwait(false);
        LogDone(logger, parsed.CaseId, result.Fired.Count);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Case {CaseId}: {Count} rung(s) fired")]
    private static partial void LogDone(ILogger logger, string caseId, int count);
}
