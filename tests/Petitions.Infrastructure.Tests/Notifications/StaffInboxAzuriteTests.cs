using Azure.Data.Tables;
using Petitions.Core.Ports;
using Petitions.Infrastructure.Notifications.Cases;
using Petitions.Infrastructure.Storage;
using Petitions.TestKit;

namespace Petitions.Infrastructure.Tests.Notifications;

/// <summary>The staff inbox on Azurite (issue 21): idempotent adds, newest first, unread filter and count, pages, reads once.</summary>
public sealed class StaffInboxAzuriteTests
{
    private static readonly DateTimeOffset Morning = new(2027, 3, 17, 3, 0, 0, TimeSpan.Zero);

    private static async Task<StaffInbox> NewInbox()
    {
        var table = new TableServiceClient(AzuriteServer.Shared.ConnectionString).GetTableClient(AzuriteServer.UniqueName("inbox"));
        await table.CreateIfMissingAsync();
        return new StaffInbox(table);
    }

    private static InboxItem Item(string id, int minutes, string staffId = "qn-camtay-head") => new(
        id, staffId, InboxItemKinds.Escalation, "HS-AAAA-0001", "escalation.unit-head", "unit-head", new DateOnly(2027, 3, 22),
        Morning.AddMinutes(minutes), new Dictionary<string, string> { ["sweep"] = "202703170300", ["key"] = "k" });

    [Fact]
    public async Task An_item_added_twice_is_one_item_with_its_fields()
    {
        var inbox = await NewInbox();
        await inbox.AddAsync(Item("N-1", 0));
        await inbox.AddAsync(Item("N-1", 5));

        var page = await inbox.ListAsync("qn-camtay-head", unreadOnly: false, take: 10, continuation: null);

        var item = Assert.Single(page.Items);
        Assert.Equal((InboxItemKinds.Escalation, "HS-AAAA-0001", "unit-head", new DateOnly(2027, 3, 22), Morning, "202703170300"), (item.Kind, item.CaseId, item.Rung, item.Due, item.At, item.Sweep));
        Assert.Equal(1, page.Unread);
        Assert.Empty((await inbox.ListAsync("qn-camtay-officer1", false, 10, null)).Items);
    }

    [Fact]
    public async Task Items_come_newest_first_in_pages_and_the_unread_filter_and_count_follow_reads()
    {
        var inbox = await NewInbox();
        for (var i = 0; i < 5; i++)
        {
            await inbox.AddAsync(Item($"N-{i}", i));
        }

        var first = await inbox.ListAsync("qn-camtay-head", false, 2, null);
        var second = await inbox.ListAsync("qn-camtay-head", false, 2, first.Continuation);
        var third = await inbox.ListAsync("qn-camtay-head", false, 2, second.Continuation);
        Assert.Equal(["N-4", "N-3", "N-2", "N-1", "N-0"], first.Items.Concat(second.Items).Concat(third.Items).Select(i => i.Id));
        Assert.Null(third.Continuation);

        var read = await inbox.MarkReadAsync("qn-camtay-head", "N-3", Morning.AddHours(1));
        var again = await inbox.MarkReadAsync("qn-camtay-head", "N-3", Morning.AddHours(2));

        Assert.True(read!.Value.FirstRead);
        Assert.False(again!.Value.FirstRead);
        Assert.Equal(Morning.AddHours(1), again.Value.Item.ReadAt);
        var unread = await inbox.ListAsync("qn-camtay-head", true, 10, null);
        Assert.Equal(4, unread.Unread);
        Assert.DoesNotContain(unread.Items, i => i.Id == "N-3");
        Assert.Null(await inbox.MarkReadAsync("qn-camtay-head", "N-none", Morning));
    }

    [Fact]
    public async Task A_continuation_the_inbox_did_not_give_is_refused()
    {
        var inbox = await NewInbox();
        await Assert.ThrowsAsync<FormatException>(() => inbox.ListAsync("qn-camtay-head", false, 10, "not-ours"));
    }
}
