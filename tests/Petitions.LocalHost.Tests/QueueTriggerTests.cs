using Petitions.TestKit;

namespace Petitions.LocalHost.Tests;

public sealed class QueueTriggerTests
{
    [Fact]
    public async Task A_message_that_keeps_failing_lands_in_the_poison_queue_with_its_text_intact()
    {
        var setup = new TestHost();
        await using var host = await setup.StartAsync();
        var text = $"fail {Guid.NewGuid()} ünïcode";

        await TestHost.Queue(setup.WorkQueue).SendMessageAsync(text);

        var poisoned = await Eventually.Until(() => TestHost.PeekAllAsync(setup.WorkQueue + "-poison"), m => m.Count > 0, TimeSpan.FromSeconds(60), "message in -poison");
        Assert.Equal([text], poisoned);
        await Eventually.Until(() => TestHost.PeekAllAsync(setup.WorkQueue), m => m.Count == 0, TimeSpan.FromSeconds(30), "trigger queue empty");
    }

    [Fact]
    public async Task A_message_that_is_not_Base64_goes_to_poison_rather_than_being_lost()
    {
        var setup = new TestHost();
        await using var host = await setup.StartAsync();
        var raw = "not base64 at all!";

        await TestHost.Queue(setup.WorkQueue, base64: false).SendMessageAsync(raw);

        var poison = TestHost.Queue(setup.WorkQueue + "-poison", base64: false);
        var poisoned = await Eventually.Until(
            async () => { await poison.CreateIfNotExistsAsync(); return (await poison.PeekMessagesAsync(32)).Value.Select(m => m.MessageText).ToList(); },
            m => m.Count > 0, TimeSpan.FromSeconds(60), "raw message in -poison");
        Assert.Equal([raw], poisoned);
    }

    [Fact]
    public async Task A_message_handled_successfully_is_deleted()
    {
        var setup = new TestHost();
        await using var host = await setup.StartAsync();
        var text = $"ok {Guid.NewGuid()}";

        await TestHost.Queue(setup.WorkQueue).SendMessageAsync(text);

        await Eventually.Until(async () => (await TestHost.PeekAllAsync("work-done")).Contains(text) || await Processed(text), ok => ok, TimeSpan.FromSeconds(60), "function ran");
        await Eventually.Until(() => TestHost.PeekAllAsync(setup.WorkQueue), m => m.Count == 0, TimeSpan.FromSeconds(30), "message deleted");
        Assert.Empty(await TestHost.PeekAllAsync(setup.WorkQueue + "-poison"));
    }

    // work-done is shared by the tests and peek sees at most 32: look for the text by receiving too
    private static async Task<bool> Processed(string text)
    {
        var done = TestHost.Queue("work-done");
        var received = await done.ReceiveMessagesAsync(32);
        var found = false;
        foreach (var message in received.Value)
        {
            found |= message.Body.ToString() == text;
            await done.DeleteMessageAsync(message.MessageId, message.PopReceipt);
        }

        return found;
    }
}
