using Petitions.Core.LegalClock;

namespace Petitions.Core.Tests.LegalClock;

public sealed class LegalLimitsDataTests
{
    [Fact]
    public void Every_row_of_the_design_table_is_data_with_its_source()
    {
        var limits = LegalLimits.LoadEmbedded();
        string[] expected =
        [
            "complaint/file", "complaint/accept", "complaint/resolve", "complaint/resolve-second", "complaint/lodge-second",
            "complaint/send-decision", "complaint/send-decision-second", "complaint/decision-effective",
            "denunciation/preliminary", "denunciation/notify", "denunciation/resolve", "denunciation/forward", "denunciation/send-suspension",
            "letter/classify", "letter/reception-answer", "letter/promised", "petition/process",
        ];
        Assert.Equal(expected.Order(), limits.Limits.Select(l => $"{l.Kind}/{l.Step}").Order());
        Assert.All(limits.Limits, l => Assert.Matches(@"(Luật|Thông tư|Nghị định)", l.Source));
        Assert.Contains(limits.Suspension, s => s.Source == "Luật 136/2025/QH15" && s.EffectiveFrom == new DateOnly(2026, 7, 1));
    }

    [Fact]
    public void A_row_without_a_source_is_rejected_naming_the_row()
    {
        const string json = """{"limits":[{"kind":"complaint","step":"accept","description":"d","limit":10,"unit":"calendarDays","countsFrom":"receipt","source":"","effectiveFrom":"2012-07-01"}]}""";
        var e = Assert.Throws<LegalLimitsDataException>(() => LegalLimits.Parse(json));
        Assert.Contains("limits[0] (complaint/accept): source (the article) is required", e.Problems);
    }

    [Fact]
    public void Every_problem_is_listed_at_once()
    {
        const string json = """{"limits":[{"kind":"complaint","step":"resolve","description":"","limit":0,"unit":"calendarDays","countsFrom":"x","source":"s","effectiveFrom":"2012-07-01","effectiveTo":"2011-01-01"}]}""";
        var e = Assert.Throws<LegalLimitsDataException>(() => LegalLimits.Parse(json));
        Assert.Equal(3, e.Problems.Count);
    }

    [Fact]
    public void Two_rules_in_force_at_once_for_one_step_are_rejected()
    {
        const string row = """{"kind":"complaint","step":"accept","description":"d","limit":10,"unit":"calendarDays","countsFrom":"x","source":"s","effectiveFrom":"2012-07-01"}""";
        var e = Assert.Throws<LegalLimitsDataException>(() => LegalLimits.Parse($$"""{"limits":[{{row}},{{row}}]}"""));
        Assert.Contains(e.Problems, p => p.Contains("two rules are in force at once", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"limits":[]}""")]
    [InlineData("""{"limits":[{"kind":"complaint","step":"accept","unit":"weeks"}]}""")]
    public void Malformed_data_fails_with_a_clear_error(string json) =>
        Assert.Throws<LegalLimitsDataException>(() => LegalLimits.Parse(json));

    [Fact]
    public void A_rule_is_chosen_by_the_trigger_date_it_is_in_force_on()
    {
        const string json = """
            {"limits":[
              {"kind":"petition","step":"process","description":"old","limit":15,"unit":"workingDays","countsFrom":"x","source":"old rule","effectiveFrom":"2020-01-01","effectiveTo":"2026-06-30"},
              {"kind":"petition","step":"process","description":"new","limit":10,"unit":"workingDays","countsFrom":"x","source":"new rule","effectiveFrom":"2026-07-01"}
            ]}
            """;
        var limits = LegalLimits.Parse(json);
        Assert.Equal("old rule", limits.Get("petition", "process", new DateOnly(2026, 6, 30)).Source);
        Assert.Equal("new rule", limits.Get("petition", "process", new DateOnly(2026, 7, 1)).Source);
        Assert.Null(limits.Find("petition", "process", new DateOnly(2019, 12, 31)));
    }
}
