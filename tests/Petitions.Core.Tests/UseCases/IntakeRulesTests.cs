using Petitions.Core.UseCases.Intake;

namespace Petitions.Core.Tests.UseCases;

public sealed class IntakeRulesTests
{
    [Theory]
    [InlineData("0912345678", "+84912345678")]
    [InlineData("0912 345 678", "+84912345678")]
    [InlineData("+84 912.345.678", "+84912345678")]
    [InlineData("84912345678", "+84912345678")]
    [InlineData("+84 0912345678", "+84912345678")]
    [InlineData("(024) 3825 1234", "+842438251234")]
    public void Vietnamese_numbers_are_normalised_to_E164(string input, string expected) =>
        Assert.Equal(expected, VietnamesePhone.Normalise(input));

    [Theory]
    [InlineData("12345")]
    [InlineData("0112345678")]
    [InlineData("+1 202 555 0100")]
    [InlineData("0912a45678")]
    [InlineData("09123456789")]
    [InlineData("")]
    public void Other_numbers_are_not_Vietnamese_phone_numbers(string input) =>
        Assert.Null(VietnamesePhone.Normalise(input));

    [Fact]
    public void Tracking_codes_carry_40_random_bits_in_Crockford_base32_with_one_prefix_for_every_kind()
    {
        var codes = Enumerable.Range(0, 2000).Select(_ => TrackingCode.New()).ToList();

        Assert.All(codes, c => Assert.Matches("^HS-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$", c));
        Assert.Equal(codes.Count, codes.Distinct().Count());
    }

    [Theory]
    [InlineData("hs7k2q9mxt", "HS-7K2Q-9MXT")]
    [InlineData(" HS-7K2Q-9MXT ", "HS-7K2Q-9MXT")]
    [InlineData("HS-OK2Q-IMXL", "HS-0K2Q-1MX1")]
    public void Typed_codes_are_read_leniently(string input, string expected) =>
        Assert.Equal(expected, TrackingCode.Normalise(input));

    [Theory]
    [InlineData("HS-7K2Q-9MXU")]
    [InlineData("XX-7K2Q-9MXT")]
    [InlineData("HS-7K2Q")]
    [InlineData("HS-7K2Q-9MX/")]
    public void Anything_else_is_not_a_code(string input) => Assert.Null(TrackingCode.Normalise(input));
}
