using Petitions.Core.Citizens;
using Petitions.Core.Notifications;
using Petitions.Core.Ports;

namespace Petitions.Infrastructure.Notifications.Cases;

/// <summary>
/// Resolves <c>citizen:&lt;caseId&gt;</c> at send time: the citizen's phone is opened from the case with the field
/// protector and kept only in memory for the one send. Nothing is cached.
/// </summary>
public sealed class CaseNotificationRecipients(ICaseStore cases, ICitizenDataProtector protector) : IRecipientResolver
{
    /// <summary>Prefix of a citizen recipient reference.</summary>
    public const string CitizenPrefix = "citizen:";

    /// <summary>The reference naming the citizen of <paramref name="caseId"/>.</summary>
    public static string Citizen(string caseId) => CitizenPrefix + caseId;

    /// <inheritdoc />
    public async Task<string?> ResolveE164Async(NotificationRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Recipient is not { } recipient || !recipient.StartsWith(CitizenPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var caseId = recipient[CitizenPrefix.Length..];
        var stored = await cases.FindAsync(caseId, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return null;
        }

        var phone = protector.Open(stored.Letter.Citizen.Phone, $"{caseId}/citizen.phone");
        return PhoneNumber.TryParse(phone, out var number) ? number.E164 : null;
    }
}
