using System.Collections.Concurrent;
using Petitions.Core.Notifications;

namespace Petitions.Core.Tests.Notifications;

/// <summary>
/// A provider for dispatcher tests: answers from a script (or accepts), deduplicates by notification id
/// when told to, and counts what reached the "handset".
/// </summary>
internal sealed class ScriptedChannel(ChannelKind kind, bool deduplicates, params string[] templateKeys) : INotificationChannel
{
    private readonly ConcurrentQueue<Func<OutgoingMessage, SendResult>> _script = new();
    private readonly ConcurrentDictionary<string, int> _delivered = new();

    public ChannelKind Kind => kind;

    public string Name => kind == ChannelKind.Sms ? "sms:test" : "zalo:test";

    public bool DeduplicatesRetries => deduplicates;

    public List<OutgoingMessage> Calls { get; } = [];

    public IReadOnlyDictionary<string, int> Delivered => _delivered;

    public Func<Task>? BeforeAnswer { get; set; }

    public bool CanSend(string templateKey) => templateKeys.Length == 0 || templateKeys.Contains(templateKey);

    public void Then(Func<OutgoingMessage, SendResult> step) => _script.Enqueue(step);

    public void ThenAcceptButLoseTheAnswer() => _script.Enqueue(m =>
    {
        Deliver(m);
        throw new TimeoutException("the answer never came");
    });

    public async Task<SendResult> SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        lock (Calls)
        {
            Calls.Add(message);
        }

        if (BeforeAnswer is { } wait)
        {
            await wait();
        }

        if (_script.TryDequeue(out var step))
        {
            return step(message);
        }

        if (deduplicates && _delivered.ContainsKey(message.NotificationId))
        {
            return SendResult.AlreadyAccepted("pm-" + message.NotificationId);
        }

        Deliver(message);
        return SendResult.Accepted("pm-" + message.NotificationId);
    }

    private void Deliver(OutgoingMessage message) => _delivered.AddOrUpdate(message.NotificationId, 1, (_, n) => n + 1);
}
