using Petitions.Core.UseCases.Reception;
using Petitions.Functions.Runtime.Registry;

namespace Petitions.Functions.Functions.ReceptionReminders;

/// <summary>Timer (every 15 minutes): requests the reminders whose instant (the day before, not before 07:00) has passed.</summary>
internal sealed class ReceptionRemindersFunction(SendReceptionReminders.Handler handler) : ITimerFunction
{
    public const string Name = "ReceptionReminders";

    public async Task RunAsync(TimerTriggerInfo timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        var sent = await handler.HandleAsync(cancellationToken).ConfigureAwait(false);
        timer.Log.Add($"Reception reminders requested: {sent}");
    }
}
