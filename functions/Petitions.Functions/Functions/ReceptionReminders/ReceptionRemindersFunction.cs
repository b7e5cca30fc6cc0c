using Microsoft.Azure.Functions.Worker;
using Petitions.Core.UseCases.Reception;

namespace Petitions.Functions.Functions.ReceptionReminders;

/// <summary>Timer <c>%ReceptionRemindersSchedule%</c> (every 15 minutes): requests the reminders whose instant (the day before, not before 07:00) has passed.</summary>
public sealed partial class ReceptionRemindersFunction(SendReceptionReminders.Handler handler, ILogger<ReceptionRemindersFunction> logger)
{
    public const string Name = "ReceptionReminders";

    [Function(Name)]
    public async Task RunAsync([TimerTrigger("%ReceptionRemindersSchedule%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        var sent = await handler.HandleAsync(cancellationToken).ConfigureAwait(false);
        LogSent(logger, sent);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reception reminders requested: {Count}")]
    private static partial void LogSent(ILogger logger, int count);
}
