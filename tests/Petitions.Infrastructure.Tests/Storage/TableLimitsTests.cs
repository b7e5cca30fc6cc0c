using Azure.Data.Tables;
using Petitions.Infrastructure.Storage;

namespace Petitions.Infrastructure.Tests.Storage;

/// <summary>Our rows are checked against the Table service's limits before any request (the SDK does not check them).</summary>
public sealed class TableLimitsTests
{
    [Fact]
    public void Keys_of_exactly_1_KiB_pass_and_longer_ones_fail()
    {
        TableLimits.ValidateKey(new string('k', 512), "RowKey");

        var error = Assert.Throws<ArgumentException>(() => TableLimits.ValidateKey(new string('k', 513), "RowKey"));
        Assert.Equal("RowKey", error.ParamName);
    }

    [Fact]
    public void Control_characters_outside_the_forbidden_ranges_are_allowed()
    {
        TableLimits.ValidateKey("Lê Lợi \u00A0 ~ * ' ( )", "PartitionKey");

        Assert.Throws<ArgumentException>(() => TableLimits.ValidateKey("tab\there", "PartitionKey"));
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("a#b")]
    [InlineData("a?b")]
    public void Keys_with_characters_the_service_forbids_fail_without_quoting_the_key(string key)
    {
        var error = Assert.Throws<ArgumentException>(() => TableLimits.ValidateKey(key, "PartitionKey"));

        Assert.DoesNotContain(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_string_of_32K_characters_passes_and_one_more_fails()
    {
        TableLimits.ValidateEntity(new TableEntity("p", "r") { ["Content"] = new string('x', 32 * 1024) });

        var error = Assert.Throws<ArgumentException>(() =>
            TableLimits.ValidateEntity(new TableEntity("p", "r") { ["Content"] = new string('x', (32 * 1024) + 1) }));
        Assert.Contains("'Content'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_the_service_cannot_store_fails_naming_its_type() =>
        Assert.Contains(
            "Decimal",
            Assert.Throws<ArgumentException>(() => TableLimits.ValidateEntity(new TableEntity("p", "r") { ["Amount"] = 1.5m })).Message,
            StringComparison.Ordinal);

    [Fact]
    public void The_service_s_own_properties_and_null_values_are_not_counted()
    {
        var entity = new TableEntity("p", "r") { ETag = new Azure.ETag("W/\"x\""), Timestamp = DateTimeOffset.UnixEpoch, ["Empty"] = null };
        for (var i = 0; i < 252; i++)
        {
            entity["P" + i] = i;
        }

        TableLimits.ValidateEntity(entity);
        entity["OneTooMany"] = 1;
        Assert.Throws<ArgumentException>(() => TableLimits.ValidateEntity(entity));
    }
}
