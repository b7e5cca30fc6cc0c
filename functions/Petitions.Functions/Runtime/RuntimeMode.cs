using Microsoft.Extensions.Configuration;

namespace Petitions.Functions.Runtime;

/// <summary>
/// How the app runs: under the Azure Functions host (it set <c>FUNCTIONS_CUSTOMHANDLER_PORT</c>; the host owns triggers,
/// retries and poison queues, and the platform's principal header can be trusted) or standalone (the app plays the host).
/// </summary>
internal sealed record RuntimeMode(bool IsUnderFunctionsHost, int? CustomHandlerPort)
{
    public const string PortSetting = "FUNCTIONS_CUSTOMHANDLER_PORT";

    public static RuntimeMode From(IConfiguration settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var raw = settings[PortSetting];
        if (string.IsNullOrWhiteSpace(raw))
        {
            return new RuntimeMode(false, null);
        }

        return int.TryParse(raw, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536
            ? new RuntimeMode(true, port)
            : throw new InvalidOperationException($"{PortSetting} must be a TCP port number (found '{raw}').");
    }
}
