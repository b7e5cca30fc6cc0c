using Microsoft.Extensions.Logging.Abstractions;
using Petitions.Core.Notifications;
using Petitions.Core.Organisation;
using Petitions.Core.Ports;
using Petitions.Core.Tests.Notifications;
using Petitions.Core.Time;
using Petitions.Core.UseCases.Common;
using Petitions.Core.UseCases.Escalations;

namespace Petitions.Core.Tests.Escalation;

/// <summary>Issue 21, items 2 and 3: staff escalations are filed in the inbox and sent once, one message per person per sweep.</summary>
public sealed class NotifyStaffTests
{
    // 10:00 in Hanoi.
    private static readonly DateTimeOffset Morning = new(2027, 3, 17, 3, 0, 0, TimeSpan.Zero);
    private static readonly OrganisationChart Chart = OrganisationLoader.LoadDemo();
    private const string Head = "qn-camtay-head";

    private readonly ManualTimeProvider _clock = new(Morning);
    private readonly InMemoryNotificationStore _records = new();
    private readonly ScriptedChannel _sms = new(ChannelKind.Sms, deduplicates: true);
    private readonly MemoryInbox _inbox = new();
    private readonly RecordingSender _queue = new();

    private NotifyStaff.Handler Handler() => new(
        _inbox,
        _records,
        new NotificationDispatcher(_records, new NotificationChannels(_sms), _clock, NullLogger<NotificationDispatcher>.Instance, recipients: new ChartPhones()),
        _queue,
        Chart,
        new StaffNotices("https://pakn.example.vn"),
        new CaseHandlingSettings(),
        _clock,
        NullLogger<NotifyStaff.Handler>.Instance);

    private static NotificationRequest Escalation(string caseId, string rung, string? sweep, string staffId = Head)
    {
        var data = new Dictionary<string, string> { ["trackingCode"] = caseId, ["rung"] = rung, ["step"] = "resolve", ["due"] = "2027-03-22" };
        if (sweep is not null)
        {
            data["sweep"] = sweep;
        }

        return new(NotificationRequest.IdFor(caseId, rung, NotificationAudience.Head, staffId), caseId, "escalation." + rung, NotificationAudience.Head, staffId, data);
    }

    [Fact]
    public async Task Two_cases_of_one_sweep_give_the_head_two_inbox_items_and_one_message()
    {
        var handler = Handler();
        await handler.HandleRequestAsync(Escalation("HS-AAAA-0001", "unit-head", "202703170300"));
        await handler.HandleRequestAsync(Escalation("HS-AAAA-0002", "unit-head", "202703170300"));
        await handler.HandleRequestAsync(Escalation("HS-AAAA-0002", "unit-head", "202703170300")); // redelivered

        Assert.Equal(2, _inbox.Items.Count);
        var digestId = NotifyStaff.DigestId("202703170300", Head);
        Assert.All(_queue.Sent, m => Assert.Equal((CaseQueues.Notifications, NotifyStaff.MessageFor(digestId), (TimeSpan?)TimeSpan.FromSeconds(30)), m));
        Assert.Empty(_sms.Calls);

        await handler.HandleDigestAsync(digestId);
        await handler.HandleDigestAsync(digestId);

        var sent = Assert.Single(_sms.Calls);
        Assert.Equal(Chart.FindStaff(Head)!.Contact.WorkPhone!.E164, sent.ToE164);
        Assert.Equal("2 ho so can xu ly: 2 sap den han. Xem: https://pakn.example.vn/s", sent.Text);
    }

    [Fact]
    public async Task An_escalation_outside_a_sweep_is_sent_at_once_and_a_redelivery_sends_nothing_more()
    {
        var handler = Handler();
        var request = Escalation("HS-AAAA-0003", "overdue", sweep: null);

        await handler.HandleRequestAsync(request);
        await handler.HandleRequestAsync(request);

        var sent = Assert.Single(_sms.Calls);
        Assert.StartsWith("Ho so HS-AAAA-0003: den han hom nay", sent.Text, StringComparison.Ordinal);
        Assert.Single(_inbox.Items);
    }

    [Fact]
    public async Task A_notice_that_is_not_an_escalation_goes_to_the_inbox_only()
    {
        var request = new NotificationRequest("N-assigned", "HS-AAAA-0004", "case.assigned", NotificationAudience.Officer, "qn-camtay-officer1", new Dictionary<string, string>());

        var outcome = await Handler().HandleRequestAsync(request);

        Assert.Equal(DispatchStatus.Recorded, outcome.Status);
        Assert.Equal(InboxItemKinds.Notice, Assert.Single(_inbox.Items).Kind);
        Assert.Empty(_sms.Calls);
        Assert.Empty(_queue.Sent);
    }

    [Fact]
    public async Task A_digest_with_nothing_of_its_sweep_in_the_inbox_sends_nothing()
    {
        var outcome = await Handler().HandleDigestAsync(NotifyStaff.DigestId("202703170300", Head));

        Assert.Equal(DispatchStatus.NotFound, outcome.Status);
        Assert.Empty(_sms.Calls);
    }

    private sealed class ChartPhones : IRecipientResolver
    {
        public Task<string?> ResolveE164Async(NotificationRecord record, CancellationToken cancellationToken) =>
            Task.FromResult(record.Recipient is { } r && r.StartsWith("staff:", StringComparison.Ordinal) ? Chart.FindStaff(r[6..])?.Contact.WorkPhone?.E164 : null);
    }

    private sealed class RecordingSender : IWorkSender
    {
        public List<(string Queue, string Message, TimeSpan? Delay)> Sent { get; } = [];

        public Task SendAsync(string queue, string message, TimeSpan? delay = null, CancellationToken cancellationToken = default)
        {
            Sent.Add((queue, message, delay));
            return Task.CompletedTask;
        }
    }

    private sealed class MemoryInbox : IStaffInbox
    {
        public List<InboxItem> Items { get; } = [];

        public Task AddAsync(InboxItem item, CancellationToken cancellationToken = default)
        {
            if (!Items.Exists(i => i.StaffId == item.StaffId && i.Id == item.Id))
            {
                Items.Add(item);
            }

            return Task.CompletedTask;
        }

        public Task<InboxItem?> FindAsync(string staffId, string id, CancellationToken cancellationToken = default) =>
            Task.FromResult(Items.Find(i => i.StaffId == staffId && i.Id == id));

        public Task<InboxPage> ListAsync(string staffId, bool unreadOnly, int take, string? continuation, CancellationToken cancellationToken = default)
        {
            var mine = Items.Where(i => i.StaffId == staffId && (!unreadOnly || !i.Read)).OrderByDescending(i => i.At).Take(take).ToList();
            return Task.FromResult(new InboxPage(mine, Items.Count(i => i.StaffId == staffId && !i.Read), null));
        }

        public Task<(InboxItem Item, bool FirstRead)?> MarkReadAsync(string staffId, string id, DateTimeOffset at, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();
    }
}
