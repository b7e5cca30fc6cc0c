using Petitions.Infrastructure.Storage;
using Petitions.Infrastructure.Storage.Queues;
using Petitions.TestKit;

namespace Petitions.Infrastructure.Tests.Storage.Queues;

public sealed class QueueClientAzuriteTests
{
    private const string VietnameseText = "Khiếu nại về quyết định số 12/QĐ-UBND — đường Lê Lợi";

    [Fact]
    public async Task A_vietnamese_message_round_trips_as_base64_of_utf8_with_its_receipts()
    {
        var queue = await Live.NewQueueAsync();

        var sent = await queue.SendMessageAsync(VietnameseText);
        var received = Assert.Single(await queue.ReceiveMessagesAsync(1, TimeSpan.FromSeconds(30)));

        Assert.Equal(sent.MessageId, received.MessageId);
        Assert.Equal(VietnameseText, received.MessageText);
        Assert.Equal(1, received.DequeueCount);
        Assert.False(string.IsNullOrEmpty(received.PopReceipt));
        Assert.True(received.ExpiresOn > received.InsertedOn.AddDays(6));
        Assert.True(received.NextVisibleOn > received.InsertedOn);
        Assert.Equal(Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(VietnameseText)), QueueClient.Encode(VietnameseText));
    }

    [Fact]
    public async Task A_received_message_is_hidden_until_deleted_and_peek_does_not_hide_it()
    {
        var queue = await Live.NewQueueAsync();
        await queue.SendMessageAsync("one");

        var peeked = Assert.Single(await queue.PeekMessagesAsync(32));
        var received = Assert.Single(await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(5)));
        var whileHidden = await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(5));
        await queue.DeleteMessageAsync(received.MessageId, received.PopReceipt);

        Assert.Equal(("one", 0L), (peeked.MessageText, peeked.DequeueCount));
        Assert.Empty(whileHidden);
        Assert.Empty(await queue.PeekMessagesAsync(32));
        Assert.Equal(0, await queue.GetApproximateMessageCountAsync());
    }

    [Fact]
    public async Task Updating_visibility_to_zero_makes_the_message_receivable_again_with_a_higher_dequeue_count_and_new_text()
    {
        var queue = await Live.NewQueueAsync();
        await queue.SendMessageAsync("first try");
        var first = Assert.Single(await queue.ReceiveMessagesAsync(1, TimeSpan.FromMinutes(5)));

        var receipt = await queue.UpdateMessageAsync(first.MessageId, first.PopReceipt, TimeSpan.Zero, "second try — lần hai");
        var second = Assert.Single(await queue.ReceiveMessagesAsync(1, TimeSpan.FromMinutes(5)));

        Assert.NotEqual(first.PopReceipt, receipt.PopReceipt);
        Assert.Equal(first.MessageId, second.MessageId);
        Assert.Equal(2, second.DequeueCount);
        Assert.Equal("second try — lần hai", second.MessageText);
        var stale = await Assert.ThrowsAsync<StorageRequestException>(() => queue.DeleteMessageAsync(first.MessageId, first.PopReceipt));
        // Azure answers 400 PopReceiptMismatch (or 404 MessageNotFound once the message is gone).
        Assert.Contains(stale.Status, new[] { 400, 404 });
        Assert.Contains(stale.ErrorCode, new[] { "PopReceiptMismatch", "MessageNotFound" });
        await queue.DeleteMessageAsync(second.MessageId, second.PopReceipt);
    }

    [Fact]
    public async Task A_visibility_delay_hides_a_new_message_and_counts_include_it()
    {
        var queue = await Live.NewQueueAsync();

        var receipt = await queue.SendMessageAsync("later", visibilityDelay: TimeSpan.FromMinutes(10), timeToLive: TimeSpan.FromHours(1));
        await queue.SendMessageAsync("forever", timeToLive: Timeout.InfiniteTimeSpan);
        var visible = await queue.PeekMessagesAsync(32);

        Assert.True(receipt.NextVisibleOn >= receipt.InsertedOn.AddMinutes(9));
        Assert.True(receipt.ExpiresOn <= receipt.InsertedOn.AddHours(1).AddSeconds(1));
        Assert.Equal(["forever"], visible.Select(m => m.MessageText));
        Assert.Equal(2, await queue.GetApproximateMessageCountAsync());
    }

    [Fact]
    public async Task A_message_over_64_KiB_once_encoded_is_refused_before_any_request()
    {
        var queue = AzuriteQueueThatDoesNotExist();
        var justFits = new string('a', 48 * 1024);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => queue.SendMessageAsync(justFits + "a"));

        Assert.Contains("65536", error.Message, StringComparison.Ordinal);
        Assert.Equal(64 * 1024, QueueClient.Encode(justFits).Length);
        var live = await Live.NewQueueAsync();
        await live.SendMessageAsync(justFits);
        Assert.Equal(justFits, Assert.Single(await live.ReceiveMessagesAsync(1, TimeSpan.FromSeconds(30))).MessageText);
    }

    [Fact]
    public async Task Receive_and_peek_counts_outside_1_to_32_and_bad_visibility_are_refused()
    {
        var queue = AzuriteQueueThatDoesNotExist();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => queue.ReceiveMessagesAsync(0, TimeSpan.FromSeconds(30)));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => queue.ReceiveMessagesAsync(33, TimeSpan.FromSeconds(30)));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => queue.ReceiveMessagesAsync(1, TimeSpan.Zero));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => queue.PeekMessagesAsync(33));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => queue.SendMessageAsync("x", TimeSpan.FromDays(8)));
    }

    [Fact]
    public async Task A_missing_queue_surfaces_as_a_typed_error_and_queues_can_be_deleted_once()
    {
        var missing = AzuriteQueueThatDoesNotExist();
        var queue = await Live.NewQueueAsync();

        var error = await Assert.ThrowsAsync<StorageRequestException>(() => missing.SendMessageAsync("x"));

        Assert.Equal((404, "QueueNotFound"), (error.Status, error.ErrorCode));
        Assert.False(await queue.CreateIfNotExistsAsync());
        Assert.True(await queue.DeleteIfExistsAsync());
        Assert.False(await queue.DeleteIfExistsAsync());
    }

    [Theory]
    [InlineData("Ab")]
    [InlineData("UPPER")]
    [InlineData("two--hyphens")]
    [InlineData("-start")]
    public void Invalid_queue_names_are_refused(string name) =>
        Assert.Throws<ArgumentException>(() => Live.Account.GetQueueClient(name));

    [Fact]
    public void Text_that_is_not_base64_from_another_producer_is_returned_as_is() =>
        Assert.Equal("plain {json}", QueueClient.Decode("plain {json}"));

    private static QueueClient AzuriteQueueThatDoesNotExist() => Live.Account.GetQueueClient(AzuriteServer.UniqueName("missing"));
}
