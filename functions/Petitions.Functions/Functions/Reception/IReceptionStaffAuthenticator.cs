using Petitions.Core.UseCases.Staff;
using Petitions.Functions.App.Security;

namespace Petitions.Functions.Functions.Reception;

/// <summary>Who the member of staff calling a reception staff endpoint is: the principal, or the failure to answer.</summary>
internal interface IReceptionStaffAuthenticator
{
    (StaffPrincipal? Who, IResult? Failure) Authenticate(HttpContext http);
}

/// <summary>The app's staff sign-in (development session or the platform's principal), as every staff route uses it.</summary>
internal sealed class AppStaffAuthenticator(StaffAuthenticator staff) : IReceptionStaffAuthenticator
{
    public (StaffPrincipal? Who, IResult? Failure) Authenticate(HttpContext http) => staff.Authenticate(http);
}
