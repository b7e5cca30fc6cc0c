using Petitions.Core.Notifications;

namespace Petitions.Core.Tests.Notifications;

public sealed class SmsTextTests
{
    [Theory]
    [InlineData("Ủy ban nhân dân phường Cẩm Tây", "Uy ban nhan dan phuong Cam Tay")]
    [InlineData("Đơn của bạn đã được tiếp nhận", "Don cua ban da duoc tiep nhan")]
    [InlineData("ĐỒNG Ý", "DONG Y")]
    [InlineData("ắằẳẵặ ấầẩẫậ ếềểễệ ốồổỗộ ớờởỡợ ứừửữự ỳỷỹỵý", "aaaaa aaaaa eeeee ooooo ooooo uuuuu yyyyy")]
    [InlineData("ăâêôơư ĂÂÊÔƠƯ", "aaeoou AAEOOU")]
    [InlineData("Thủ tướng “đồng ý” – xong…", "Thu tuong \"dong y\" - xong...")]
    public void Vietnamese_becomes_unaccented_GSM7(string input, string expected)
    {
        var text = SmsText.ToGsm7(input);
        Assert.Equal(expected, text);
        Assert.True(Gsm7Alphabet.CanEncode(text));
    }

    [Theory]
    [InlineData("Xin chào 😀", "Xin chao ?")]
    [InlineData("你好", "??")]
    [InlineData("tab\there", "tab here")]
    public void Characters_without_a_GSM7_form_are_substituted(string input, string expected)
    {
        Assert.Equal(expected, SmsText.ToGsm7(input));
    }

    [Fact]
    public void Every_Vietnamese_letter_with_any_tone_maps_into_GSM7()
    {
        const string Letters = "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY";
        char[] tones = ['\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];
        foreach (var letter in Letters)
        {
            foreach (var tone in tones)
            {
                var composed = (letter.ToString() + tone).Normalize(System.Text.NormalizationForm.FormC);
                var text = SmsText.ToGsm7(composed);
                Assert.Single(text);
                Assert.True(char.IsAsciiLetter(text[0]), $"{composed} became {text}");
            }
        }
    }

    [Fact]
    public void Extension_table_characters_are_kept()
    {
        Assert.Equal("[a]{b}€", SmsText.ToGsm7("[a]{b}€"));
    }
}
