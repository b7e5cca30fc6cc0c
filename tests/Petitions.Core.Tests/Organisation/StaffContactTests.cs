using Petitions.Core.Organisation;

namespace Petitions.Core.Tests.Organisation;

public sealed class StaffContactTests
{
    private const string CatchAllRules = """
        "competence": [
          { "kind": "complaint", "resolver": "filedUnit", "source": "Luật Khiếu nại 2011, Điều 17" },
          { "kind": "denunciation", "resolver": "filedUnit", "source": "Luật Tố cáo 2018, Điều 12" },
          { "kind": "petition", "resolver": "filedUnit", "source": "Thông tư 05/2021/TT-TTCP" }
        ]
        """;

    private static OrganisationChart WithHead(string contactJson) => OrganisationLoader.Parse($$"""
        { "name": "Test", "units": [ { "id": "p", "name": "P", "level": "province" } ],
          "staff": [ { "id": "p-head", "name": "H", "unitId": "p", "role": "head"{{contactJson}} } ], {{CatchAllRules}} }
        """, "contacts.json");

    [Fact]
    public void A_work_phone_in_E164_a_Zalo_id_and_an_email_load()
    {
        var head = WithHead(""", "workPhone": "+84912345678", "zaloUserId": "4102937465", "email": "head@p.gov.vn" """).HeadOf("p");

        Assert.Equal("+84912345678", head.Contact.WorkPhone?.E164);
        Assert.Equal("4102937465", head.Contact.ZaloUserId);
        Assert.Equal("head@p.gov.vn", head.Contact.Email);
    }

    [Fact]
    public void Contacts_are_optional()
    {
        var head = WithHead("").HeadOf("p");

        Assert.Null(head.Contact.WorkPhone);
        Assert.Null(head.Contact.ZaloUserId);
    }

    [Theory]
    [InlineData("0912345678")]
    [InlineData("+84 912 345 678")]
    [InlineData("+84212345678")]
    [InlineData("+8498765432")]
    [InlineData("+14155550100")]
    public void A_work_phone_not_in_E164_or_not_a_Vietnamese_mobile_stops_the_load_with_a_sentence_that_does_not_echo_it(string phone)
    {
        var ex = Assert.Throws<OrganisationDataException>(() => WithHead($$""", "workPhone": "{{phone}}" """));

        var problem = Assert.Single(ex.Problems);
        Assert.StartsWith("staff[0].workPhone: the work phone of 'p-head' must be a Vietnamese mobile number written in E.164", problem, StringComparison.Ordinal);
        Assert.DoesNotContain(phone, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_Zalo_id_and_a_bad_email_are_reported_with_their_places()
    {
        var ex = Assert.Throws<OrganisationDataException>(() => WithHead(""", "zaloUserId": "user-42", "email": "not an address" """));

        Assert.Contains(ex.Problems, p => p.StartsWith("staff[0].zaloUserId:", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.StartsWith("staff[0].email:", StringComparison.Ordinal));
    }

    [Fact]
    public void A_staff_member_printed_in_a_log_line_shows_no_contact()
    {
        var head = WithHead(""", "workPhone": "+84912345678", "zaloUserId": "4102937465", "email": "head@p.gov.vn" """).HeadOf("p");

        var printed = head.ToString();

        Assert.DoesNotContain("912345678", printed, StringComparison.Ordinal);
        Assert.DoesNotContain("4102937465", printed, StringComparison.Ordinal);
        Assert.DoesNotContain("head@p.gov.vn", printed, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_demo_staff_member_has_a_distinct_work_phone()
    {
        var chart = OrganisationLoader.LoadDemo();

        Assert.All(chart.Staff, s => Assert.NotNull(s.Contact.WorkPhone));
        Assert.Equal(chart.Staff.Count, chart.Staff.Select(s => s.Contact.WorkPhone!.E164).Distinct().Count());
        Assert.All(chart.Staff.Where(s => s.Role is StaffRole.Head or StaffRole.Supervisor), s => Assert.NotNull(s.Contact.ZaloUserId));
    }
}
