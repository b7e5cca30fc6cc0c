using Petitions.Core.Cases;
using Petitions.Core.UseCases.Staff;

namespace Petitions.Core.UseCases.Attachments;

/// <summary>
/// Who may open a case's files: whoever may see the citizen's identity (<see cref="StaffAccess.SeesIdentity"/>). For a
/// denunciation that is the assigned officer and the responsible head only, because a scan or a photo can show who
/// denounced (Luật Tố cáo 2018, Điều 47–48: protecting the denouncer); for other kinds, the unit's handling staff.
/// </summary>
public static class AttachmentAccess
{
    /// <summary>True when <paramref name="who"/> may see the names and download the files.</summary>
    public static bool MaySee(StaffPrincipal who, Case @case, string caseUnitId) => StaffAccess.SeesIdentity(who, @case, caseUnitId);
}
