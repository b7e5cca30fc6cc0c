using Petitions.Core.Calendar;
using Petitions.Core.LegalClock;

namespace Petitions.Core.Tests.LegalClock;

/// <summary>The embedded limits over the test calendar.</summary>
internal static class LegalClockFixture
{
    public static readonly LegalLimits Limits = LegalLimits.LoadEmbedded();

    public static readonly IWorkingCalendar WorkingCalendar = new FixedTestCalendar();

    public static DeadlineCalculator Calculator(LegalClockSettings? settings = null) => new(Limits, WorkingCalendar, settings);
}
