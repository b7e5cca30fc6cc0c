using Microsoft.Extensions.Logging.Abstractions;
using Petitions.Core.Citizens;
using Petitions.Core.Notifications;
using Petitions.Core.Time;

namespace Petitions.Core.Tests.Notifications;

public sealed class NotificationDispatcherTests
{
    // 10:00 in Hanoi.
    private static readonly DateTimeOffset Morning = new(2026, 11, 22, 3, 0, 0, TimeSpan.Zero);

    private readonly ManualTimeProvider _clock = new(Morning);
    private readonly InMemoryNotificationStore _store = new();
    private readonly ScriptedChannel _sms = new(ChannelKind.Sms, deduplicates: true);
    private readonly ScriptedChannel _zalo = new(ChannelKind.Zalo, deduplicates: false, "case-accepted", "case-received");

    private NotificationDispatcher Dispatcher(bool withZalo = false) =>
        new(_store, new NotificationChannels(_sms, withZalo ? _zalo : null), _clock, NullLogger<NotificationDispatcher>.Instance);

    private async Task<string> NewNotification(NotificationEvent @event = NotificationEvent.CaseAccepted, DateTimeOffset? due = null)
    {
        var message = new NotificationCatalogue("https://pakn.example.vn/t/")
            .Render(@event, new MessageFacts("KN-7K2Q9M") { UnitName = "Ủy ban nhân dân phường Cẩm Tây" });
        var id = Guid.NewGuid().ToString();
        await _store.CreateAsync(NotificationRecord.Create(id, PhoneNumber.Parse("0912345678"), message, due ?? _clock.GetUtcNow()), default);
        return id;
    }

    private async Task<NotificationRecord> Record(string id) => (await _store.GetAsync(id, default))!;

    [Fact]
    public async Task A_notification_dispatched_twice_is_sent_once()
    {
        var id = await NewNotification();
        var dispatcher = Dispatcher();

        Assert.Equal(DispatchStatus.Sent, (await dispatcher.DispatchAsync(id, default)).Status);
        Assert.Equal(DispatchStatus.AlreadySent, (await dispatcher.DispatchAsync(id, default)).Status);

        Assert.Single(_sms.Calls);
        var record = await Record(id);
        Assert.Equal(NotificationState.Sent, record.State);
        Assert.Equal("pm-" + id, record.ProviderMessageId);
        Assert.Equal(id, await _store.FindByProviderMessageIdAsync("pm-" + id, default));
    }

    [Fact]
    public async Task Non_urgent_message_at_23h_waits_for_07h_then_goes()
    {
        _clock.SetUtcNow(new DateTimeOffset(2026, 11, 22, 23, 0, 0, TimeSpan.FromHours(7)));
        var id = await NewNotification(NotificationEvent.CaseAccepted);
        var dispatcher = Dispatcher();

        var outcome = await dispatcher.DispatchAsync(id, default);
        Assert.Equal(DispatchStatus.Deferred, outcome.Status);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 7, 0, 0, TimeSpan.FromHours(7)), outcome.RetryAt);
        Assert.Empty(_sms.Calls);

        _clock.SetUtcNow(outcome.RetryAt!.Value);
        Assert.Equal(DispatchStatus.Sent, (await dispatcher.DispatchAsync(id, default)).Status);
        Assert.Single(_sms.Calls);
    }

    [Fact]
    public async Task Urgent_receipt_at_23h_goes_at_once()
    {
        _clock.SetUtcNow(new DateTimeOffset(2026, 11, 22, 23, 0, 0, TimeSpan.FromHours(7)));
        var id = await NewNotification(NotificationEvent.CaseReceived);
        Assert.Equal(DispatchStatus.Sent, (await Dispatcher().DispatchAsync(id, default)).Status);
    }

    [Fact]
    public async Task A_notification_not_yet_due_is_deferred_to_its_due_time()
    {
        var id = await NewNotification(due: Morning.AddHours(2));
        var outcome = await Dispatcher().DispatchAsync(id, default);
        Assert.Equal(new DispatchOutcome(DispatchStatus.Deferred, Morning.AddHours(2)), outcome);
    }

    [Fact]
    public async Task Zalo_goes_first_and_a_number_without_Zalo_falls_back_to_SMS()
    {
        var id = await NewNotification();
        _zalo.Then(_ => SendResult.NoZaloAccount());

        Assert.Equal(DispatchStatus.Sent, (await Dispatcher(withZalo: true).DispatchAsync(id, default)).Status);

        Assert.Single(_zalo.Calls);
        Assert.Single(_sms.Calls);
        var record = await Record(id);
        Assert.Equal(ChannelKind.Sms, record.Channel);
        Assert.Equal([ChannelKind.Zalo, ChannelKind.Sms], record.ChannelsTried);
    }

    [Fact]
    public async Task Zalo_is_skipped_for_events_it_has_no_template_for()
    {
        var id = await NewNotification(NotificationEvent.CaseResolved);
        await Dispatcher(withZalo: true).DispatchAsync(id, default);
        Assert.Empty(_zalo.Calls);
        Assert.Single(_sms.Calls);
    }

    [Fact]
    public async Task A_timeout_after_the_provider_accepted_is_retried_with_the_same_id_and_first_time_and_delivered_once()
    {
        var id = await NewNotification();
        var dispatcher = Dispatcher();
        _sms.ThenAcceptButLoseTheAnswer();

        var first = await dispatcher.DispatchAsync(id, default);
        Assert.Equal(DispatchStatus.RetryLater, first.Status);
        Assert.Equal(NotificationState.Sending, (await Record(id)).State);

        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(DispatchStatus.Sent, (await dispatcher.DispatchAsync(id, default)).Status);

        Assert.Equal(2, _sms.Calls.Count);
        Assert.Equal(_sms.Calls[0].NotificationId, _sms.Calls[1].NotificationId);
        Assert.Equal(_sms.Calls[0].FirstAttemptAt, _sms.Calls[1].FirstAttemptAt);
        Assert.Equal(1, _sms.Delivered[id]);
        Assert.Equal(NotificationState.Sent, (await Record(id)).State);
    }

    [Fact]
    public async Task An_unknown_outcome_on_a_channel_that_does_not_deduplicate_is_never_repeated()
    {
        var id = await NewNotification();
        var dispatcher = Dispatcher(withZalo: true);
        _zalo.ThenAcceptButLoseTheAnswer();

        Assert.Equal(DispatchStatus.RetryLater, (await dispatcher.DispatchAsync(id, default)).Status);
        Assert.Equal(DispatchStatus.AlreadySent, (await dispatcher.DispatchAsync(id, default)).Status);

        Assert.Single(_zalo.Calls);
        Assert.Empty(_sms.Calls);
        Assert.Equal(1, _zalo.Delivered[id]);
    }

    [Fact]
    public async Task Throttling_waits_for_retry_after_and_keeps_the_first_attempt_time()
    {
        var id = await NewNotification();
        var dispatcher = Dispatcher();
        _sms.Then(_ => SendResult.Transient("429", TimeSpan.FromSeconds(30)));

        var outcome = await dispatcher.DispatchAsync(id, default);
        Assert.Equal(new DispatchOutcome(DispatchStatus.RetryLater, Morning.AddSeconds(30)), outcome);
        Assert.Equal(NotificationState.Pending, (await Record(id)).State);

        _clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(DispatchStatus.Sent, (await dispatcher.DispatchAsync(id, default)).Status);
        Assert.Equal(Morning, _sms.Calls[1].FirstAttemptAt);
        Assert.Equal(2, (await Record(id)).Attempts);
    }

    [Fact]
    public async Task Transient_failures_are_given_up_after_the_maximum_attempts()
    {
        var id = await NewNotification();
        var dispatcher = Dispatcher();
        for (var i = 0; i < NotificationDispatcher.MaxAttempts; i++)
        {
            _sms.Then(_ => SendResult.Transient("503"));
        }

        DispatchOutcome outcome;
        do
        {
            outcome = await dispatcher.DispatchAsync(id, default);
            _clock.Advance(TimeSpan.FromMinutes(5));
        }
        while (outcome.Status == DispatchStatus.RetryLater);

        Assert.Equal(DispatchStatus.Failed, outcome.Status);
        Assert.Equal(NotificationDispatcher.MaxAttempts, _sms.Calls.Count);
        Assert.Equal(NotificationState.Failed, (await Record(id)).State);
    }

    [Fact]
    public async Task A_permanent_failure_with_no_other_channel_fails_the_notification()
    {
        var id = await NewNotification();
        _sms.Then(_ => SendResult.Permanent("invalid-number"));
        Assert.Equal(DispatchStatus.Failed, (await Dispatcher().DispatchAsync(id, default)).Status);
        Assert.Equal("invalid-number", (await Record(id)).LastError);
    }

    [Fact]
    public async Task Two_dispatchers_racing_send_once()
    {
        var id = await NewNotification();
        var gate = new TaskCompletionSource();
        var held = 0;
        _sms.BeforeAnswer = () => Interlocked.Exchange(ref held, 1) == 0 ? gate.Task : Task.CompletedTask;

        var first = Dispatcher().DispatchAsync(id, default);
        await Petitions.TestKit.Eventually.Until(() => _sms.Calls.Count == 1);
        var second = await Dispatcher().DispatchAsync(id, default).WaitAsync(TimeSpan.FromSeconds(10));
        gate.SetResult();

        Assert.Equal(DispatchStatus.Sent, (await first).Status);
        // The second reads "Sending" and repeats with the same id: the provider drops the copy.
        Assert.Contains(second.Status, new[] { DispatchStatus.Sent, DispatchStatus.Busy });
        Assert.Equal(1, _sms.Delivered[id]);
    }

    [Fact]
    public async Task A_delivery_report_marks_the_notification_delivered()
    {
        var id = await NewNotification();
        var dispatcher = Dispatcher();
        await dispatcher.DispatchAsync(id, default);

        var outcome = await dispatcher.ApplyDeliveryReportAsync(
            new DeliveryReport(ChannelKind.Sms, "pm-" + id, Delivered: true, "Delivered", Morning.AddSeconds(5)), default);

        Assert.Equal(DispatchStatus.Recorded, outcome.Status);
        var record = await Record(id);
        Assert.Equal(NotificationState.Delivered, record.State);
        Assert.Equal(Morning.AddSeconds(5), record.DeliveredAt);
        Assert.Equal(DispatchStatus.AlreadySent, (await dispatcher.DispatchAsync(id, default)).Status);
    }

    [Fact]
    public async Task A_failed_delivery_is_retried_once_over_the_other_channel()
    {
        var id = await NewNotification();
        var dispatcher = Dispatcher(withZalo: true);
        await dispatcher.DispatchAsync(id, default);
        Assert.Single(_zalo.Calls);

        var retry = await dispatcher.ApplyDeliveryReportAsync(
            new DeliveryReport(ChannelKind.Zalo, "pm-" + id, Delivered: false, "Failed", Morning), default);
        Assert.Equal(DispatchStatus.Sent, retry.Status);
        Assert.Single(_sms.Calls);

        var final = await dispatcher.ApplyDeliveryReportAsync(
            new DeliveryReport(ChannelKind.Sms, "pm-" + id, Delivered: false, "Failed", Morning), default);
        Assert.Equal(DispatchStatus.Failed, final.Status);
        Assert.Single(_zalo.Calls);
        Assert.Single(_sms.Calls);
        Assert.Equal(NotificationState.Failed, (await Record(id)).State);
    }

    [Fact]
    public async Task An_unknown_notification_or_report_is_reported_as_not_found()
    {
        var dispatcher = Dispatcher();
        Assert.Equal(DispatchStatus.NotFound, (await dispatcher.DispatchAsync("nope", default)).Status);
        Assert.Equal(DispatchStatus.NotFound, (await dispatcher.ApplyDeliveryReportAsync(
            new DeliveryReport(ChannelKind.Sms, "unknown", true, "Delivered", Morning), default)).Status);
    }
}
