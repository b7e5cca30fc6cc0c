using Petitions.Core.Citizens;

namespace Petitions.Core.Tests.Citizens;

public sealed class PhoneNumberTests
{
    [Theory]
    [InlineData("0912345678", "+84912345678")]
    [InlineData("+84912345678", "+84912345678")]
    [InlineData("84912345678", "+84912345678")]
    [InlineData("0084912345678", "+84912345678")]
    [InlineData("091 234 5678", "+84912345678")]
    [InlineData("091.234.5678", "+84912345678")]
    [InlineData("091-234-5678", "+84912345678")]
    [InlineData("+84 (91) 234-5678", "+84912345678")]
    [InlineData("  0387654321 ", "+84387654321")]
    [InlineData("0567654321", "+84567654321")]
    [InlineData("0707654321", "+84707654321")]
    [InlineData("0867654321", "+84867654321")]
    [InlineData("+84 98 765 4321", "+84987654321")]
    public void Vietnamese_mobile_numbers_normalise_to_E164(string input, string e164)
    {
        Assert.Equal(e164, PhoneNumber.Parse(input).E164);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("0212345678")] // 02x: landline area codes, not mobile
    [InlineData("0412345678")]
    [InlineData("0612345678")]
    [InlineData("0112345678")]
    [InlineData("091234567")] // too short
    [InlineData("09123456789")] // too long
    [InlineData("+85512345678")] // another country
    [InlineData("+8491234567")]
    [InlineData("0912a45678")]
    [InlineData("0912/345678")]
    [InlineData("++84912345678")]
    [InlineData("912345678")] // no trunk prefix: ambiguous
    public void Anything_else_is_refused_with_the_stable_error_code(string? input)
    {
        var error = Assert.Throws<InvalidPhoneNumberException>(() => PhoneNumber.Parse(input));
        Assert.Equal("phone.invalid", error.Code);
        Assert.Contains("Số điện thoại không hợp lệ", error.MessageVi, StringComparison.Ordinal);
        Assert.Contains("not a valid Vietnamese mobile number", error.MessageEn, StringComparison.Ordinal);
        Assert.False(PhoneNumber.TryParse(input, out _));
    }

    [Fact]
    public void The_error_message_never_echoes_the_number()
    {
        var error = Assert.Throws<InvalidPhoneNumberException>(() => PhoneNumber.Parse("0212345678"));
        Assert.DoesNotContain("0212345678", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("0212345678", error.MessageVi, StringComparison.Ordinal);
    }

    [Fact]
    public void Zns_wants_the_country_code_without_plus()
    {
        Assert.Equal("84912345678", PhoneNumber.Parse("0912 345 678").ToZnsFormat());
    }

    [Fact]
    public void Masked_form_shows_only_the_first_two_and_last_three_digits()
    {
        Assert.Equal("+84 91* *** 678", PhoneNumber.Parse("0912345678").Masked());
    }

    [Fact]
    public void Equal_numbers_typed_differently_are_equal()
    {
        Assert.Equal(PhoneNumber.Parse("0912345678"), PhoneNumber.Parse("+84 912 345 678"));
    }
}
