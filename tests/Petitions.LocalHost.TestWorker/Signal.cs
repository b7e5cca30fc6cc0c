namespace Petitions.LocalHost.TestWorker;

/// <summary>
/// A function that must stay in flight until the test says so waits for a file named after a signal
/// (a test-chosen Guid) in the temp folder, and gives up after a minute so a broken test cannot hang it.
/// While it waits, a file <c>&lt;signal&gt;.waiting</c> tells the test that the invocation is in flight.
/// </summary>
internal static class Signal
{
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(1);

    public static string PathOf(string name) =>
        Guid.TryParseExact(name, "N", out var id)
            ? Path.Combine(Path.GetTempPath(), $"petitions-signal-{id:N}")
            : throw new ArgumentException("A signal is named by a Guid in the N format.", nameof(name));

    public static async Task WaitAsync(string name)
    {
        var path = PathOf(name);
        await File.WriteAllTextAsync(path + ".waiting", "");
        using var giveUp = new CancellationTokenSource(GiveUpAfter);
        while (!File.Exists(path))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(25), giveUp.Token);
        }
    }
}
