namespace Petitions.LocalHost;

/// <summary>The local host cannot start; the message is one sentence saying why.</summary>
public sealed class LocalHostStartupException : Exception
{
    public LocalHostStartupException(string message) : base(message) { }

    public LocalHostStartupException(string message, Exception inner) : base(message, inner) { }

    public LocalHostStartupException() { }
}
