using Petitions.Core.Citizens;

namespace Petitions.Core.Organisation;

/// <summary>
/// How to reach a member of staff at work: a work mobile (E.164, for SMS), optionally a Zalo user id (ZNS) and an
/// e-mail address. Personal data: never logged, never exported, shown only to the person and to administrators.
/// <see cref="ToString"/> therefore says nothing, so a log line or a record's printout of a
/// <see cref="StaffMember"/> cannot leak a number.
/// </summary>
public sealed class StaffContact(PhoneNumber? workPhone, string? zaloUserId, string? email)
{
    /// <summary>The work mobile, or null when none is recorded (the person is then told only in the inbox).</summary>
    public PhoneNumber? WorkPhone { get; } = workPhone;

    /// <summary>The Zalo user id of the person's work account (ZNS), or null.</summary>
    public string? ZaloUserId { get; } = zaloUserId;

    /// <summary>The work e-mail address, or null.</summary>
    public string? Email { get; } = email;

    /// <summary>No contact at all.</summary>
    public static StaffContact None { get; } = new(null, null, null);

    /// <summary>Withheld: contacts are personal data.</summary>
    public override string ToString() => "[contact withheld]";
}
