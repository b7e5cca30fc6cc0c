using Microsoft.Extensions.Configuration;

namespace Petitions.Infrastructure.Notifications.Sms;

/// <summary>
/// Settings of <c>Notifications:Sms:Acs</c>. Either <see cref="ConnectionString"/> (HMAC-SHA256 with the
/// access key) or <see cref="Endpoint"/> + <see cref="ClientId"/> (Entra ID, user-assigned managed identity).
/// </summary>
public sealed class AcsSmsOptions
{
    public string? ConnectionString { get; set; }

    public Uri? Endpoint { get; set; }

    /// <summary>Client id of the user-assigned managed identity (identity mode).</summary>
    public string? ClientId { get; set; }

    /// <summary>Sender: an ACS number (E.164) or a registered alphanumeric sender/brandname.</summary>
    public string From { get; set; } = string.Empty;

    public int MaxRetries { get; set; } = 3;

    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan NetworkTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public static AcsSmsOptions Bind(IConfiguration section)
    {
        var options = new AcsSmsOptions();
        section.Bind(options);
        options.Validate();
        return options;
    }

    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(From))
        {
            throw new InvalidOperationException("Notifications:Sms:Acs:From is required.");
        }

        if (string.IsNullOrWhiteSpace(ConnectionString) && (Endpoint is null || string.IsNullOrWhiteSpace(ClientId)))
        {
            throw new InvalidOperationException(
                "Notifications:Sms:Acs needs ConnectionString, or Endpoint and ClientId for managed identity.");
        }
    }
}
