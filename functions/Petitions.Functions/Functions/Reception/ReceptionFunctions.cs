using Petitions.Functions.Functions.AddReceptionWalkIn;
using Petitions.Functions.Functions.BookReception;
using Petitions.Functions.Functions.CancelReceptionBooking;
using Petitions.Functions.Functions.CancelReceptionSession;
using Petitions.Functions.Functions.GetReceptionAgenda;
using Petitions.Functions.Functions.GetReceptionFlags;
using Petitions.Functions.Functions.GetReceptionIcs;
using Petitions.Functions.Functions.ListReceptionSessions;
using Petitions.Functions.Functions.ReceptionOfferLink;
using Petitions.Functions.Functions.ReceptionReminders;
using Petitions.Functions.Functions.RecordReceptionMeeting;
using Petitions.Functions.Functions.RecordUnscheduledReception;
using Petitions.Functions.Runtime.Registry;

namespace Petitions.Functions.Functions.Reception;

/// <summary>The reception functions (issue 9), registered by one line in <see cref="FunctionRegistrations"/>.</summary>
internal static class ReceptionFunctions
{
    public static FunctionRegistryBuilder AddReceptionFunctions(this FunctionRegistryBuilder functions)
    {
        ArgumentNullException.ThrowIfNull(functions);
        return functions
            .Http(GetReceptionIcsEndpoint.Name, GetReceptionIcsEndpoint.Map)
            .Http(ListReceptionSessionsEndpoint.Name, ListReceptionSessionsEndpoint.Map)
            .Http(GetReceptionFlagsEndpoint.Name, GetReceptionFlagsEndpoint.Map)
            .Http(BookReceptionEndpoint.Name, BookReceptionEndpoint.Map)
            .Http(CancelReceptionBookingEndpoint.Name, CancelReceptionBookingEndpoint.Map)
            .Http(AddReceptionWalkInEndpoint.Name, AddReceptionWalkInEndpoint.Map)
            .Http(GetReceptionAgendaEndpoint.Name, GetReceptionAgendaEndpoint.Map)
            .Http(RecordReceptionMeetingEndpoint.Name, RecordReceptionMeetingEndpoint.Map)
            .Http(CancelReceptionSessionEndpoint.Name, CancelReceptionSessionEndpoint.Map)
            .Http(RecordUnscheduledReceptionEndpoint.Name, RecordUnscheduledReceptionEndpoint.Map)
            .Http(ReceptionOfferLinkEndpoint.Name, ReceptionOfferLinkEndpoint.Map)
            .Timer<ReceptionRemindersFunction>(ReceptionRemindersFunction.Name);
    }
}
