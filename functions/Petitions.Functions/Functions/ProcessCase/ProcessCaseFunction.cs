using Microsoft.Azure.Functions.Worker;
using Petitions.Core.UseCases.Common;

namespace Petitions.Functions.Functions.ProcessCase;

/// <summary>Queue <c>%IntakeQueueName%</c>: routes and assigns a received case (idempotent: a redelivery finds it routed).</summary>
public sealed partial class ProcessCaseFunction(Core.UseCases.Processing.ProcessCase.Handler handler, ILogger<ProcessCaseFunction> logger)
{
    public const string Name = "ProcessCase";

    [Function(Name)]
    public async Task RunAsync([QueueTrigger("%IntakeQueueName%")] string message, CancellationToken cancellationToken)
    {
        var caseId = CaseWriter.CaseIdOf(message)
            ?? throw new FormatException("The message is not a case message ({\"caseId\":…}).");
        var outcome = await handler.HandleAsync(new(caseId), cancellationToken).ConfigureAwait(false);
        LogDone(logger, caseId, outcome.ToString());
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Case {CaseId}: {Outcome}")]
    private static partial void LogDone(ILogger logger, string caseId, string outcome);
}
