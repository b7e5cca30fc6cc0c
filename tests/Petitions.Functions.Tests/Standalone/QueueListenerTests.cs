using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using Petitions.Functions.Runtime.Metadata;
using Petitions.Functions.Runtime.Standalone;
using Petitions.Functions.Tests.Support;
using Petitions.TestKit;

namespace Petitions.Functions.Tests.Standalone;

/// <summary>The listener's decisions per message, over a mocked queue and a manual clock.</summary>
public class QueueListenerTests
{
    private static readonly QueueHostSettings Host = new(MaxDequeueCount: 5, VisibilityTimeout: TimeSpan.FromSeconds(30), BatchSize: 16, MaxPollingInterval: TimeSpan.FromSeconds(2));
    private static readonly DateTimeOffset Start = new(2026, 11, 22, 2, 0, 0, TimeSpan.Zero);

    private readonly Mock<ITriggerQueue> _queue = new();
    private readonly Mock<ITriggerQueue> _poison = new();
    private readonly TestBehaviour _behaviour = new();
    private readonly ObservedClock _clock = new(Start);

    public QueueListenerTests()
    {
        _queue.SetupGet(q => q.Name).Returns("work-items");
        _poison.SetupGet(q => q.Name).Returns("work-items-poison");
    }

    private QueueListener Listener(QueueListenerOptions? options = null) =>
        new(TestQueueFunction.Name, _queue.Object, _poison.Object, Host, options ?? new QueueListenerOptions(), ListenerHarness.Invoker(_behaviour), _clock, NullLogger.Instance);

    private static TriggerQueueMessage Message(long dequeueCount) => new("m-1", "receipt-1", "{\"caseId\":\"c-1\"}", dequeueCount, Start);

    [Fact]
    public async Task A_handled_message_is_deleted_with_its_pop_receipt()
    {
        await Listener().ProcessAsync(Message(1), CancellationToken.None);

        Assert.Single(_behaviour.QueueCalls);
        _queue.Verify(q => q.DeleteAsync("m-1", "receipt-1", It.IsAny<CancellationToken>()), Times.Once);
        _poison.Verify(q => q.SendAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task A_failed_message_becomes_visible_again_after_the_host_visibility_timeout()
    {
        _behaviour.OnQueue = (_, _) => throw new InvalidOperationException("boom");
        _queue.Setup(q => q.SetVisibilityAsync("m-1", "receipt-1", TimeSpan.FromSeconds(30), It.IsAny<CancellationToken>())).ReturnsAsync("receipt-2");

        await Listener().ProcessAsync(Message(2), CancellationToken.None);

        _queue.Verify(q => q.SetVisibilityAsync("m-1", "receipt-1", TimeSpan.FromSeconds(30), It.IsAny<CancellationToken>()), Times.Once);
        _queue.Verify(q => q.DeleteAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task A_message_failing_its_last_allowed_attempt_moves_to_the_poison_queue_with_its_original_text()
    {
        _behaviour.OnQueue = (_, _) => throw new InvalidOperationException("boom");

        await Listener().ProcessAsync(Message(5), CancellationToken.None);

        _poison.Verify(q => q.SendAsync("{\"caseId\":\"c-1\"}", It.IsAny<CancellationToken>()), Times.Once);
        _queue.Verify(q => q.DeleteAsync("m-1", "receipt-1", It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task A_message_already_past_max_dequeue_count_is_poisoned_without_running_the_handler()
    {
        await Listener().ProcessAsync(Message(6), CancellationToken.None);

        Assert.Empty(_behaviour.QueueCalls);
        _poison.Verify(q => q.SendAsync("{\"caseId\":\"c-1\"}", It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Long_work_renews_the_lease_at_half_time_and_deletes_with_the_newest_receipt()
    {
        var release = new TaskCompletionSource();
        _behaviour.OnQueue = (_, _) => release.Task;
        _queue.Setup(q => q.SetVisibilityAsync("m-1", "receipt-1", TimeSpan.FromMinutes(1), It.IsAny<CancellationToken>())).ReturnsAsync("receipt-2");

        var processing = Listener(new QueueListenerOptions { MessageLease = TimeSpan.FromMinutes(1) }).ProcessAsync(Message(1), CancellationToken.None);
        await Eventually.Until(() => !_behaviour.QueueCalls.IsEmpty, what: "handler started");
        _clock.Advance(TimeSpan.FromSeconds(30));
        await Eventually.Until(
            () => _queue.Invocations.Any(i => i.Method.Name == nameof(ITriggerQueue.SetVisibilityAsync)), what: "lease renewed");
        release.SetResult();
        await processing;

        _queue.Verify(q => q.DeleteAsync("m-1", "receipt-2", It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task At_the_shutdown_timeout_an_in_flight_message_is_made_visible_again_at_once()
    {
        using var abort = new CancellationTokenSource();
        _behaviour.OnQueue = (_, _) => Task.Delay(Timeout.Infinite, CancellationToken.None);
        _queue.Setup(q => q.SetVisibilityAsync("m-1", "receipt-1", TimeSpan.Zero, It.IsAny<CancellationToken>())).ReturnsAsync("receipt-2");

        var processing = Listener().ProcessAsync(Message(1), abort.Token);
        await Eventually.Until(() => !_behaviour.QueueCalls.IsEmpty, what: "handler started");
        await abort.CancelAsync();
        await processing;

        _queue.Verify(q => q.SetVisibilityAsync("m-1", "receipt-1", TimeSpan.Zero, It.IsAny<CancellationToken>()), Times.Once);
        _queue.Verify(q => q.DeleteAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Empty_polls_back_off_exponentially_up_to_the_max_polling_interval()
    {
        _queue.Setup(q => q.ReceiveAsync(16, It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>())).ReturnsAsync([]);
        using var stop = new CancellationTokenSource();
        var running = Listener().RunAsync(stop.Token, CancellationToken.None);
        int Receives() => _queue.Invocations.Count(i => i.Method.Name == nameof(ITriggerQueue.ReceiveAsync));

        // Delays: 100 ms, 200, 400, 800, 1600, then capped at 2 s.
        var expectedDelays = new[] { 100, 200, 400, 800, 1600, 2000, 2000 };
        for (var i = 0; i < expectedDelays.Length; i++)
        {
            await Eventually.Until(() => Receives() == i + 1 && _clock.TimersCreated == i + 1, what: $"waiting after receive {i + 1}");
            _clock.Advance(TimeSpan.FromMilliseconds(expectedDelays[i] - 1));
            Assert.Equal(i + 1, Receives());
            _clock.Advance(TimeSpan.FromMilliseconds(1));
        }

        await Eventually.Until(() => Receives() == expectedDelays.Length + 1, what: "last receive");
        await stop.CancelAsync();
        await running;
    }
}
