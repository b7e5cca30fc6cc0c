using Petitions.Functions.Functions.GetDevOutbox;
using Petitions.Functions.Functions.HandleZaloEvent;
using Petitions.Functions.Functions.LookupShortLink;
using Petitions.Functions.Functions.ProcessDeliveryReport;
using Petitions.Functions.Functions.ZaloWebhook;
using Petitions.Functions.Runtime.Registry;

namespace Petitions.Functions.Functions.DispatchNotification;

/// <summary>The notification functions (issue 6), registered with one line in <see cref="FunctionRegistrations"/>.</summary>
internal static class NotificationFunctions
{
    public static FunctionRegistryBuilder AddNotificationFunctions(this FunctionRegistryBuilder functions)
    {
        ArgumentNullException.ThrowIfNull(functions);
        return functions
            .Queue<DispatchNotificationFunction>(DispatchNotificationFunction.Name)
            .Queue<ProcessDeliveryReportFunction>(ProcessDeliveryReportFunction.Name)
            .Queue<HandleZaloEventFunction>(HandleZaloEventFunction.Name)
            .Http(ZaloWebhookEndpoint.Name, ZaloWebhookEndpoint.Map)
            .Http(GetDevOutboxEndpoint.Name, GetDevOutboxEndpoint.Map)
            .Http(LookupShortLinkEndpoint.Name, LookupShortLinkEndpoint.Map);
    }
}
