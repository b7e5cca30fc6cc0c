using Petitions.Functions.App;
using Petitions.Functions.Functions.ActOnStaffCase;
using Petitions.Functions.Functions.DevClock;
using Petitions.Functions.Functions.DevLogin;
using Petitions.Functions.Functions.DevStaff;
using Petitions.Functions.Functions.EscalationSweep;
using Petitions.Functions.Functions.FileCase;
using Petitions.Functions.Functions.FireEscalations;
using Petitions.Functions.Functions.GetDeadline;
using Petitions.Functions.Functions.GetQrCode;
using Petitions.Functions.Functions.GetStaffCase;
using Petitions.Functions.Functions.ListStaffCases;
using Petitions.Functions.Functions.ListUnits;
using Petitions.Functions.Functions.LookupCase;
using Petitions.Functions.Functions.LookupCaseByPost;
using Petitions.Functions.Functions.ProcessCase;
using Petitions.Functions.Functions.RelayOutbox;
using Petitions.Functions.Functions.StaffDashboard;
using Petitions.Functions.Functions.StaffLogout;
using Petitions.Functions.Functions.StaffMe;
using Petitions.Functions.Functions.WebPages;
using Petitions.Functions.Runtime.Registry;

namespace Petitions.Functions.Functions;

/// <summary>The functions of case handling, the deadline calculator, staff, development and the web pages.</summary>
internal static class CaseHandlingFunctions
{
    public static FunctionRegistryBuilder AddCaseHandlingFunctions(this FunctionRegistryBuilder functions)
    {
        ArgumentNullException.ThrowIfNull(functions);
        return functions
            .Http(GetDeadlineEndpoint.Name, GetDeadlineEndpoint.Map)
            .Http(ListUnitsEndpoint.Name, ListUnitsEndpoint.Map)
            .Http(FileCaseEndpoint.Name, StorageReadyMiddleware.Held(FileCaseEndpoint.Map))
            .Http(LookupCaseEndpoint.Name, StorageReadyMiddleware.Held(LookupCaseEndpoint.Map))
            .Http(LookupCaseByPostEndpoint.Name, StorageReadyMiddleware.Held(LookupCaseByPostEndpoint.Map))
            .Http(GetQrCodeEndpoint.Name, GetQrCodeEndpoint.Map)
            .Http(StaffMeEndpoint.Name, StorageReadyMiddleware.Held(StaffMeEndpoint.Map))
            .Http(StaffLogoutEndpoint.Name, StaffLogoutEndpoint.Map)
            .Http(ListStaffCasesEndpoint.Name, StorageReadyMiddleware.Held(ListStaffCasesEndpoint.Map))
            .Http(GetStaffCaseEndpoint.Name, StorageReadyMiddleware.Held(GetStaffCaseEndpoint.Map))
            .Http(ActOnStaffCaseEndpoint.Name, StorageReadyMiddleware.Held(ActOnStaffCaseEndpoint.Map))
            .Http(StaffDashboardEndpoint.Name, StorageReadyMiddleware.Held(StaffDashboardEndpoint.Map))
            .Http(DevLoginEndpoint.Name, StorageReadyMiddleware.Held(DevLoginEndpoint.Map))
            .Http(DevStaffEndpoint.Name, DevStaffEndpoint.Map)
            .Http(DevClockEndpoint.Name, StorageReadyMiddleware.Held(DevClockEndpoint.Map))
            .Http(WebPagesEndpoint.Name, WebPagesEndpoint.Map)
            .Queue<ProcessCaseFunction>(ProcessCaseFunction.Name)
            .Queue<RelayOutboxFunction>(RelayOutboxFunction.Name)
            .Queue<FireEscalationsFunction>(FireEscalationsFunction.Name)
            .Timer<EscalationSweepFunction>(EscalationSweepFunction.Name);
    }
}
