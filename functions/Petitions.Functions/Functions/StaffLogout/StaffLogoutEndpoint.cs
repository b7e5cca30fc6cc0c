using Microsoft.Azure.Functions.Worker;
using Petitions.Functions.App.Http;
using Petitions.Functions.App.Security;

namespace Petitions.Functions.Functions.StaffLogout;

/// <summary><c>POST /api/staff/logout</c>: ends the Development session (204). Under App Service Authentication the platform's <c>/.auth/logout</c> ends the sign-in.</summary>
public static class StaffLogoutEndpoint
{
    public const string Name = "StaffLogout";

    [Function(Name)]
    [FunctionAccess(Audience.Staff, RequiresSignIn = false)]
    public static IResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/staff/logout")] HttpRequest req)
    {
        ArgumentNullException.ThrowIfNull(req);
        StaffAuthenticator.SignOut(req.HttpContext);
        return TypedResults.NoContent();
    }
}
