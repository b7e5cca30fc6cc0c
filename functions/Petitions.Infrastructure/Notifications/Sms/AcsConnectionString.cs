namespace Petitions.Infrastructure.Notifications.Sms;

/// <summary>An ACS connection string: <c>endpoint=https://…/;accesskey=…</c> (the endpoint may be http:// for local stubs).</summary>
public sealed record AcsConnectionString(Uri Endpoint, byte[] AccessKey)
{
    public static AcsConnectionString Parse(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        string? endpoint = null;
        string? key = null;
        foreach (var part in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                continue;
            }

            var name = part[..eq].Trim();
            var value = part[(eq + 1)..].Trim();
            if (name.Equals("endpoint", StringComparison.OrdinalIgnoreCase))
            {
                endpoint = value;
            }
            else if (name.Equals("accesskey", StringComparison.OrdinalIgnoreCase))
            {
                key = value;
            }
        }

        if (endpoint is null || !Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || key is null)
        {
            throw new FormatException("An ACS connection string needs endpoint=https://…;accesskey=….");
        }

        try
        {
            return new AcsConnectionString(uri, Convert.FromBase64String(key));
        }
        catch (FormatException ex)
        {
            throw new FormatException("The ACS access key is not base64.", ex);
        }
    }
}
