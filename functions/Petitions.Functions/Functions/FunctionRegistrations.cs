using Petitions.Functions.Functions.DispatchNotification;
using Petitions.Functions.Functions.GetHealth;
using Petitions.Functions.Functions.Reception;
using Petitions.Functions.Runtime.Registry;

namespace Petitions.Functions.Functions;

/// <summary>
/// Every function of the app, by name. Adding one is two steps: its folder with a function.json under
/// <c>Functions/</c>, and one line here.
/// </summary>
internal static class FunctionRegistrations
{
    public static FunctionRegistryBuilder AddPetitionsFunctions(this FunctionRegistryBuilder functions)
    {
        ArgumentNullException.ThrowIfNull(functions);
        functions.Http(GetHealthEndpoint.Name, GetHealthEndpoint.Map);
        functions.AddCaseHandlingFunctions();
        functions.AddNotificationFunctions();
        functions.AddReceptionFunctions();
        return functions;
    }
}
