namespace Petitions.Functions.Runtime.Registry;

/// <summary>
/// Lines a handler wants the Functions host to log for this invocation (returned in the <c>Logs</c> array of the host
/// response; written to the app's logger when standalone). Never personal data.
/// </summary>
internal sealed class InvocationLog
{
    private readonly Lock _gate = new();
    private readonly List<string> _lines = [];

    public void Add(string line)
    {
        lock (_gate)
        {
            _lines.Add(line);
        }
    }

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_gate)
            {
                return [.. _lines];
            }
        }
    }
}
