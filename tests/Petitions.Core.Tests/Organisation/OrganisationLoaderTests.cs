using Petitions.Core.Organisation;

namespace Petitions.Core.Tests.Organisation;

public sealed class OrganisationLoaderTests
{
    private const string CatchAllRules = """
        "competence": [
          { "kind": "complaint", "resolver": "filedUnit", "source": "Luật Khiếu nại 2011, Điều 17" },
          { "kind": "denunciation", "resolver": "filedUnit", "source": "Luật Tố cáo 2018, Điều 12" },
          { "kind": "petition", "resolver": "filedUnit", "source": "Thông tư 05/2021/TT-TTCP" }
        ]
        """;

    [Fact]
    public void A_minimal_valid_organisation_loads()
    {
        var chart = OrganisationLoader.Parse($$"""
            { "name": "Test", "units": [ { "id": "p", "name": "P", "level": "province" } ],
              "staff": [ { "id": "p-head", "name": "H", "unitId": "p", "role": "head" } ], {{CatchAllRules}} }
            """, "test.json");

        Assert.Equal("p", chart.HeadOf("p").UnitId);
        Assert.False(chart.IsDemo);
    }

    [Fact]
    public void Every_problem_is_reported_at_once_with_its_place()
    {
        var ex = Assert.Throws<OrganisationDataException>(() => OrganisationLoader.Parse("""
            { "name": "Test",
              "units": [
                { "id": "p", "name": "P", "level": "province" },
                { "id": "Bad/Id", "name": "X", "level": "ward", "parentId": "p" },
                { "id": "w", "name": "W", "level": "ward", "parentId": "nowhere" },
                { "id": "w", "name": "W2", "level": "ward", "parentId": "p" }
              ],
              "staff": [ { "id": "s1", "name": "S", "unitId": "p", "role": "officer" } ],
              "competence": [ { "kind": "complaint", "resolver": "filedUnit" } ] }
            """, "broken.json"));

        Assert.Equal("broken.json", ex.Origin);
        Assert.Contains(ex.Problems, p => p.Contains("units[1].id", StringComparison.Ordinal) && p.Contains("Bad/Id", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.Contains("parent 'nowhere' does not exist", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.Contains("'w' appears twice", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.Contains("unit 'p': needs exactly one head", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.Contains("competence[0].source", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.Contains("no catch-all rule for denunciation", StringComparison.Ordinal));
    }

    [Fact]
    public void Malformed_json_names_the_line()
    {
        var ex = Assert.Throws<OrganisationDataException>(() => OrganisationLoader.Parse("{ \"name\": \"x\",\n  \"units\": [ }", "bad.json"));

        Assert.Contains("line 2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_level_is_rejected()
    {
        var ex = Assert.Throws<OrganisationDataException>(() => OrganisationLoader.Parse(
            $$"""{ "name": "T", "units": [ { "id": "d", "name": "D", "level": "district" } ], "staff": [], {{CatchAllRules}} }""",
            "district.json"));

        Assert.Contains("district", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_parent_cycle_is_rejected()
    {
        var ex = Assert.Throws<OrganisationDataException>(() => OrganisationLoader.Parse($$"""
            { "name": "T", "units": [
                { "id": "a", "name": "A", "level": "ward", "parentId": "b" },
                { "id": "b", "name": "B", "level": "ward", "parentId": "a" } ],
              "staff": [ { "id": "ha", "unitId": "a", "role": "head" }, { "id": "hb", "unitId": "b", "role": "head" } ],
              {{CatchAllRules}} }
            """, "cycle.json"));

        Assert.Contains(ex.Problems, p => p.Contains("cycle", StringComparison.Ordinal));
    }
}
