using Petitions.Functions.App.Security;

namespace Petitions.Functions.Functions.StaffLogout;

/// <summary><c>POST /api/staff/logout</c>: ends the Development session (204). Under App Service Authentication the platform's <c>/.auth/logout</c> ends the sign-in.</summary>
internal static class StaffLogoutEndpoint
{
    public const string Name = "StaffLogout";

    public static IEndpointConventionBuilder Map(IEndpointRouteBuilder endpoints) => endpoints.MapPost("api/staff/logout", Handle);

    public static IResult Handle(HttpContext http)
    {
        StaffAuthenticator.SignOut(http);
        return TypedResults.NoContent();
    }
}
