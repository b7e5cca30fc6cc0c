using Petitions.Core.Calendar;
using Petitions.Core.Organisation;
using Petitions.Core.Reception;
using static Petitions.Core.Tests.Reception.Schedules;

namespace Petitions.Core.Tests.Reception;

/// <summary>The reception rules on the production calendar (Bộ luật Lao động 2019 and the 2026 official schedule).</summary>
public sealed class RealCalendarTests
{
    private readonly OccurrenceGenerator _generator = new(VietnamWorkingCalendar.Default);

    [Fact]
    public void A_Thursday_session_in_Tet_2026_moves_to_Monday_23_February()
    {
        var o = Assert.Single(_generator.Generate(For("qn-camtay", "FREQ=WEEKLY;BYDAY=TH"), D(2026, 2, 19), D(2026, 2, 19)));

        Assert.Equal(D(2026, 2, 23), o.Date);
        Assert.Equal(OccurrenceStatus.Moved, o.Status);
        Assert.Contains("Tết", o.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Monday_session_on_the_Gio_To_compensatory_day_2026_moves_to_Tuesday_28_April()
    {
        var o = Assert.Single(_generator.Generate(For("qn-camtay", "FREQ=WEEKLY;BYDAY=MO"), D(2026, 4, 27), D(2026, 4, 27)));

        Assert.Equal(D(2026, 4, 28), o.Date);
        Assert.Contains("Giỗ Tổ", o.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Tuesday_session_on_Quoc_khanh_eve_2026_is_cancelled_with_notice_when_the_unit_so_chooses()
    {
        var o = Assert.Single(_generator.Generate(For("qn-camtay", "FREQ=WEEKLY;BYDAY=TU", HolidayPolicy.CancelWithNotice), D(2026, 9, 1), D(2026, 9, 1)));

        Assert.Equal(OccurrenceStatus.Cancelled, o.Status);
        Assert.Equal("Quốc khánh", o.Reason);
    }

    [Fact]
    public void Commune_week_of_Tet_2026_is_flagged_when_its_Thursday_session_moves_out_of_the_week()
    {
        var checker = new ReceptionMinimumChecker(_generator, LegalMinimums.All);
        var quangHa = OrganisationLoader.LoadDemo().GetUnit("qn-quangha");

        var f = Assert.Single(checker.CheckMonth(quangHa, "qn-quangha-head", [For("qn-quangha", "FREQ=WEEKLY;BYDAY=TH")], 2026, 2));

        Assert.Equal(D(2026, 2, 16), f.PeriodStart);
        Assert.Equal(0, f.ScheduledDays);
    }
}
