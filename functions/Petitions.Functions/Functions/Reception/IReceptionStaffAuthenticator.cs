using Petitions.Core.UseCases.Staff;

namespace Petitions.Functions.Functions.Reception;

/// <summary>
/// Who the member of staff calling a reception staff endpoint is: the principal, or the failure to answer (401).
/// The same shape as the app's staff authentication; the composition binds it to that authenticator once merged.
/// </summary>
internal interface IReceptionStaffAuthenticator
{
    (StaffPrincipal? Who, IResult? Failure) Authenticate(HttpContext http);
}

/// <summary>Until staff sign-in is wired into this composition, every staff call is refused (never open by default).</summary>
internal sealed class UnwiredStaffAuthenticator : IReceptionStaffAuthenticator
{
    public (StaffPrincipal? Who, IResult? Failure) Authenticate(HttpContext http) =>
        (null, Runtime.ProblemDetailsMapping.Problem(StatusCodes.Status401Unauthorized, "Sign in as staff"));
}
