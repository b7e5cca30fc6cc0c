namespace Petitions.TestKit;

/// <summary>Calendar data for tests that add a year's schedule to a running system (issue 16).</summary>
public static class CalendarFixtures
{
    /// <summary>
    /// A test fixture, not an official schedule: Friday 3 Sep 2027 off (swapped), make-up Saturday 18 Sep 2027.
    /// </summary>
    public const string Schedule2027 = """
        {
          "year": 2027,
          "sources": [ { "id": "fixture", "document": "Test fixture (not an official document)", "issuer": "tests", "date": null, "url": null, "note": "Unverified: test only." } ],
          "periods": [
            {
              "covers": [ "national-day" ], "source": "fixture", "from": "2027-09-01", "to": "2027-09-05",
              "daysOff": [
                { "date": "2027-09-01", "kind": "Holiday", "name": "Quốc khánh (ngày liền kề trước)" },
                { "date": "2027-09-02", "kind": "Holiday", "name": "Quốc khánh" },
                { "date": "2027-09-03", "kind": "OfficialDayOff", "name": "Nghỉ hoán đổi (fixture)" }
              ],
              "workingDays": [ { "date": "2027-09-18", "kind": "MakeUpWorkingDay", "name": "Làm bù (fixture)" } ]
            }
          ]
        }
        """;
}
