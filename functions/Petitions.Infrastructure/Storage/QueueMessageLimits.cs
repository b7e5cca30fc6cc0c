using System.Text;

namespace Petitions.Infrastructure.Storage;

/// <summary>
/// What the Queue service accepts, checked before a request (the SDK leaves it to the service): a message
/// is at most 64 KiB once Base64-encoded (about 48 KiB of UTF-8 text); a visibility delay is 0 to 7 days.
/// </summary>
public static class QueueMessageLimits
{
    /// <summary>The largest message the service stores: 64 KiB of (Base64-encoded) text.</summary>
    public const int MaxEncodedMessageBytes = 64 * 1024;

    public static readonly TimeSpan MaxVisibilityDelay = TimeSpan.FromDays(7);

    /// <exception cref="ArgumentException">The message, Base64-encoded, exceeds 64 KiB; the text says by how much, never what it holds.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The delay is negative or longer than 7 days.</exception>
    public static void EnsureSendable(string messageText, TimeSpan? visibilityDelay)
    {
        ArgumentNullException.ThrowIfNull(messageText);
        var encoded = (Encoding.UTF8.GetByteCount(messageText) + 2) / 3 * 4;
        if (encoded > MaxEncodedMessageBytes)
        {
            throw new ArgumentException(
                $"The message is {encoded} bytes once base64-encoded; a queue message holds at most {MaxEncodedMessageBytes} bytes (about 48 KiB of UTF-8 text). Store the payload in a table and send its key.",
                nameof(messageText));
        }

        if (visibilityDelay is { } delay && (delay < TimeSpan.Zero || delay > MaxVisibilityDelay))
        {
            throw new ArgumentOutOfRangeException(nameof(visibilityDelay), delay, "A visibility delay is between 0 and 7 days.");
        }
    }
}
