namespace Petitions.Functions.Runtime.Metadata;

/// <summary>host.json or a function.json is missing, malformed, or disagrees with the code. Start-up stops with it.</summary>
internal sealed class FunctionMetadataException : Exception
{
    public FunctionMetadataException(string message)
        : base(message)
    {
    }

    public FunctionMetadataException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public FunctionMetadataException()
    {
    }
}
