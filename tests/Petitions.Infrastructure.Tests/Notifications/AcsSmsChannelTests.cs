using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Petitions.Core.Citizens;
using Petitions.Core.Notifications;
using Petitions.Core.Time;
using Petitions.Infrastructure.Notifications.Sms;
using Petitions.TestKit;

namespace Petitions.Infrastructure.Tests.Notifications;

public sealed class AcsSmsChannelTests : IDisposable
{
    private static readonly byte[] Key = Convert.FromBase64String("c2VjcmV0LWtleS1mb3ItdGVzdHMtb25seS0xMjM0NTY3OA==");
    private static readonly DateTimeOffset Morning = new(2026, 11, 22, 2, 10, 31, TimeSpan.Zero);

    private readonly AcsSmsStub _stub = new(Key);
    private readonly ManualTimeProvider _clock = new(Morning);
    private readonly InMemoryNotificationStore _store = new();

    public void Dispose() => _stub.Dispose();

    private AcsSmsChannel Channel(byte[]? key = null) => new(
        new AcsSmsOptions
        {
            ConnectionString = $"endpoint={_stub.Endpoint};accesskey={Convert.ToBase64String(key ?? Key)}",
            From = "+18445792722",
            RetryDelay = TimeSpan.FromMilliseconds(20),
            MaxRetryDelay = TimeSpan.FromSeconds(2),
            NetworkTimeout = TimeSpan.FromMilliseconds(700),
            MaxRetries = 3,
        },
        NullLogger<AcsSmsChannel>.Instance);

    private static OutgoingMessage Message(string id) => new(
        id, "+84912345678", "UBND P.Cam Tay da nhan don cua ban. Ma ho so: KN-7K2Q9M. Tra cuu: https://pakn.example.vn/t/KN-7K2Q9M",
        "case-received", new Dictionary<string, string>(), "case-received", Morning);

    [Fact]
    public void The_request_body_has_the_shape_of_the_ACS_fixture()
    {
        var id = "7a6f3c2e-1b1d-4c43-9d65-3f0e6d2b9a10";
        var body = AcsSmsChannel.BuildBody("+18445792722", Message(id));
        var ours = JsonNode.Parse(body);
        var fixture = JsonNode.Parse(RepositoryPaths.Fixture("acs/sms-send-request.json"));
        Assert.True(JsonNode.DeepEquals(fixture, ours), System.Text.Encoding.UTF8.GetString(body));
        Assert.Contains("\"from\":\"+18445792722\"", System.Text.Encoding.UTF8.GetString(body), StringComparison.Ordinal);
    }

    [Fact]
    public void The_fixture_response_reads_as_accepted_with_its_message_id()
    {
        var body = System.Text.Encoding.UTF8.GetBytes(RepositoryPaths.Fixture("acs/sms-send-response.json"));
        var result = AcsSmsChannel.Interpret(202, body, null);
        Assert.Equal(SendStatus.Accepted, result.Status);
        Assert.Equal("Outgoing_20261122021031d4b6a4c1-8e5f-4f0b-9b7e-2a3c9d1e5f60_noam", result.ProviderMessageId);
    }

    [Fact]
    public void A_non_guid_notification_id_maps_to_a_stable_guid()
    {
        var first = AcsSmsChannel.RepeatabilityRequestId("case-KN-1:received");
        Assert.Equal(first, AcsSmsChannel.RepeatabilityRequestId("case-KN-1:received"));
        Assert.NotEqual(first, AcsSmsChannel.RepeatabilityRequestId("case-KN-1:accepted"));
        Assert.True(Guid.TryParse(first, out _));
    }

    [Fact]
    public async Task A_signed_request_is_accepted_by_the_stub()
    {
        var result = await Channel().SendAsync(Message(Guid.NewGuid().ToString()), default);
        Assert.Equal(SendStatus.Accepted, result.Status);
        Assert.StartsWith("Outgoing_", result.ProviderMessageId, StringComparison.Ordinal);
        Assert.Equal(0, _stub.Unauthorised);
    }

    [Fact]
    public async Task A_moved_application_clock_does_not_reach_the_signature()
    {
        _clock.Advance(TimeSpan.FromDays(40));
        var result = await Channel().SendAsync(Message(Guid.NewGuid().ToString()), default);
        Assert.Equal(SendStatus.Accepted, result.Status);
        Assert.Equal(0, _stub.Unauthorised);
    }

    [Fact]
    public async Task A_request_signed_with_the_wrong_key_is_refused()
    {
        var wrong = (byte[])Key.Clone();
        wrong[0] ^= 1;
        var result = await Channel(wrong).SendAsync(Message(Guid.NewGuid().ToString()), default);
        Assert.Equal(SendStatus.TransientFailure, result.Status);
        Assert.Equal("acs-401", result.Error);
        Assert.True(_stub.Unauthorised >= 1);
    }

    [Fact]
    public async Task Throttling_is_retried_after_the_Retry_After_delay()
    {
        _stub.Then(AcsSmsStub.Behaviour.Throttle);
        // A lower bound on elapsed time (the pipeline must wait at least Retry-After), measured with a
        // monotonic stopwatch; no upper bound, so a slow machine cannot make it flaky.
        var started = System.Diagnostics.Stopwatch.StartNew();
        var result = await Channel().SendAsync(Message(Guid.NewGuid().ToString()), default);
        Assert.Equal(SendStatus.Accepted, result.Status);
        Assert.True(started.Elapsed >= TimeSpan.FromSeconds(0.9), "Retry-After: 1 was not honoured");
        Assert.Equal(2, _stub.Requests);
    }

    [Fact]
    public async Task A_timeout_after_acceptance_is_retried_and_acs_drops_the_copy()
    {
        var id = Guid.NewGuid().ToString();
        _stub.Then(AcsSmsStub.Behaviour.AcceptThenHang);
        var result = await Channel().SendAsync(Message(id), default);
        Assert.Equal(SendStatus.AlreadyAccepted, result.Status);
        Assert.Equal(1, _stub.Deliveries[id]);
    }

    [Fact]
    public async Task A_recipient_level_failure_is_permanent()
    {
        _stub.Then(AcsSmsStub.Behaviour.RecipientFailure);
        var result = await Channel().SendAsync(Message(Guid.NewGuid().ToString()), default);
        Assert.Equal(new SendResult(SendStatus.PermanentFailure, Error: "acs-400"), result);
    }

    [Fact]
    public async Task Every_notification_is_delivered_once_and_none_twice_through_failures_throttling_and_timeouts()
    {
        var dispatcher = new NotificationDispatcher(_store, new NotificationChannels(Channel()), _clock, NullLogger<NotificationDispatcher>.Instance);
        var catalogue = new NotificationCatalogue("https://pakn.example.vn/t/");
        var ids = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            var id = Guid.NewGuid().ToString();
            ids.Add(id);
            var message = catalogue.Render(NotificationEvent.CaseReceived, new MessageFacts($"KN-{i:D4}") { UnitName = "UBND xã Tân Lập" });
            await _store.CreateAsync(NotificationRecord.Create(id, PhoneNumber.Parse("0912345678"), message, Morning), default);
        }

        // Every fourth request fails, hangs past the timeout or is throttled; more than the pipeline retries, so
        // some dispatches end "outcome unknown" and the queue redelivers them.
        for (var i = 0; i < 12; i++)
        {
            _stub.Then(
                AcsSmsStub.Behaviour.Accept,
                (AcsSmsStub.Behaviour)(i % 3 == 0 ? AcsSmsStub.Behaviour.AcceptThenHang : i % 3 == 1 ? AcsSmsStub.Behaviour.Fail500 : AcsSmsStub.Behaviour.Accept),
                i == 5 ? AcsSmsStub.Behaviour.Throttle : AcsSmsStub.Behaviour.Accept,
                AcsSmsStub.Behaviour.AcceptThenHang);
        }

        // At-least-once delivery of queue messages: every id is dispatched twice, then until it settles.
        foreach (var id in ids.Concat(ids))
        {
            var outcome = await dispatcher.DispatchAsync(id, default);
            for (var round = 0; outcome.Status is DispatchStatus.RetryLater && round < 10; round++)
            {
                _clock.Advance(TimeSpan.FromMinutes(2));
                outcome = await dispatcher.DispatchAsync(id, default);
            }

            Assert.Contains(outcome.Status, new[] { DispatchStatus.Sent, DispatchStatus.AlreadySent });
        }

        foreach (var id in ids)
        {
            Assert.Equal(1, _stub.Deliveries[id]);
            Assert.Equal(NotificationState.Sent, (await _store.GetAsync(id, default))!.State);
        }

        Assert.Equal(ids.Count, _stub.Deliveries.Count);
        Assert.Equal(0, _stub.Unauthorised);
    }
}
