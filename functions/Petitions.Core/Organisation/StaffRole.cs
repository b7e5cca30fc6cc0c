namespace Petitions.Core.Organisation;

/// <summary>What a member of staff may do, within their unit.</summary>
public enum StaffRole
{
    /// <summary>Chuyên viên: classifies letters, verifies, drafts answers.</summary>
    Officer,

    /// <summary>Cấp phó: a deputy head; acts for the head when delegated.</summary>
    Deputy,

    /// <summary>Người đứng đầu: answers personally for the unit's letters.</summary>
    Head,

    /// <summary>The supervising level (inspectorate, chairman's office): sees what is about to slip past its level.</summary>
    Supervisor,

    /// <summary>Maintains the organisation data and settings.</summary>
    Admin,
}

/// <summary>A member of staff.</summary>
/// <param name="Id">Stable identifier (also the sign-in subject for the development login).</param>
/// <param name="Name">Display name.</param>
/// <param name="UnitId">The unit they belong to.</param>
/// <param name="Role">Their role in that unit.</param>
/// <param name="Title">Their title as printed on documents, e.g. "Chủ tịch UBND phường".</param>
/// <param name="Login">Their sign-in name at the identity provider (preferred_username or email), matched case-insensitively
/// when the app runs behind App Service Authentication; null for staff who only exist in the demo.</param>
public sealed record StaffMember(string Id, string Name, string UnitId, StaffRole Role, string Title, string? Login = null)
{
    /// <summary>
    /// The fields this member works in (e.g. "land", "construction"; phân công phụ trách lĩnh vực). For a deputy they
    /// narrow the head's desk to the cases handled by officers of the same fields (docs/organisation.md); empty: all.
    /// </summary>
    public IReadOnlyList<string> Fields { get; init; } = [];
    /// <summary>How to reach them at work (personal data: never logged or exported; <see cref="StaffContact.ToString"/> withholds it).</summary>
    public StaffContact Contact { get; init; } = StaffContact.None;
}
