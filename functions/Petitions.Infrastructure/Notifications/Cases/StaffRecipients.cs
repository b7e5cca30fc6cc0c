using Petitions.Core.Notifications;
using Petitions.Core.Organisation;

namespace Petitions.Infrastructure.Notifications.Cases;

/// <summary>
/// Resolves <c>staff:&lt;staffId&gt;</c> at send time to the person's work mobile in the organisation data, so no record
/// holds a staff number either; a person without one (or no longer in the data) resolves to nothing.
/// </summary>
public sealed class StaffRecipients(OrganisationChart chart) : IRecipientResolver
{
    /// <summary>Prefix of a staff recipient reference.</summary>
    public const string StaffPrefix = "staff:";

    /// <inheritdoc />
    public Task<string?> ResolveE164Async(NotificationRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        return Task.FromResult(record.Recipient is { } recipient && recipient.StartsWith(StaffPrefix, StringComparison.Ordinal)
            ? chart.FindStaff(recipient[StaffPrefix.Length..])?.Contact.WorkPhone?.E164
            : null);
    }
}
