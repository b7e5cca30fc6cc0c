using Petitions.Infrastructure.Storage.Tables;

namespace Petitions.Infrastructure.Tests.Storage.Tables;

public sealed class TableFilterTests
{
    [Fact]
    public void String_values_are_quoted_and_inner_quotes_doubled_so_they_cannot_close_the_literal()
    {
        const string Attack = "' or 1 eq 1 or ''='";

        Assert.Equal("Owner eq ''' or 1 eq 1 or ''''='''", TableFilter.Create($"Owner eq {Attack}"));
    }

    [Fact]
    public void Typed_values_become_odata_literals()
    {
        var due = new DateTimeOffset(2026, 2, 17, 8, 30, 0, TimeSpan.FromHours(7));
        var id = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");

        var filter = TableFilter.Create(
            $"Due lt {due} and Seq ge {42L} and N eq {7} and Open eq {true} and Id eq {id} and Hash eq {new byte[] { 0x0A, 0xFF }} and Score gt {2.0} and Ratio lt {0.25}");

        Assert.Equal(
            "Due lt datetime'2026-02-17T01:30:00.0000000Z' and Seq ge 42L and N eq 7 and Open eq true and " +
            "Id eq guid'0f8fad5b-d9cb-469f-a165-70867728950e' and Hash eq X'0aff' and Score gt 2.0 and Ratio lt 0.25",
            filter);
    }

    [Fact]
    public void Values_without_an_odata_literal_are_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => TableFilter.Create($"Amount eq {1.5m}"));

        Assert.Contains("Decimal", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => TableFilter.Create($"X eq {double.NaN}"));
    }

    [Fact]
    public void Null_becomes_the_null_literal() => Assert.Equal("X eq null", TableFilter.Create($"X eq {(string?)null}"));
}
