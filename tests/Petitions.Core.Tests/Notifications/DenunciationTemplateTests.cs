using System.Reflection;
using Petitions.Core.Notifications;

namespace Petitions.Core.Tests.Notifications;

/// <summary>Luật Tố cáo 2018 Arts. 47–48: nothing but the tracking code about a denunciation goes into an SMS.</summary>
public sealed class DenunciationTemplateTests
{
    // Offers are never made for denunciations, so they have no denunciation message.
    public static TheoryData<NotificationEvent> Events() => [.. NotificationEvents.ForCitizens.Where(e => e != NotificationEvent.ReceptionOffer)];

    [Theory]
    [MemberData(nameof(Events))]
    public void Denunciation_messages_vary_only_with_the_tracking_code(NotificationEvent @event)
    {
        var catalogue = new NotificationCatalogue("https://pakn.example.vn/t/");
        var first = catalogue.RenderForDenunciation(@event, "TC-AAAAAA");
        var second = catalogue.RenderForDenunciation(@event, "TC-BBBBBB");

        Assert.Equal(first.Text.Replace("TC-AAAAAA", "#", StringComparison.Ordinal), second.Text.Replace("TC-BBBBBB", "#", StringComparison.Ordinal));
        Assert.Contains("TC-AAAAAA", first.Text, StringComparison.Ordinal);
        Assert.Equal(["link", "tracking_code"], first.TemplateData.Keys.Order(StringComparer.Ordinal));
        Assert.StartsWith("private-", first.TemplateKey, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{unit} da nhan don {code}")]
    [InlineData("Han moi {date} cho {code}")]
    [InlineData("Ly do: {reason}")]
    [InlineData("{other}")]
    [InlineData("{name} {code}")]
    public void A_denunciation_template_with_any_slot_beyond_the_code_cannot_be_built(string pattern)
    {
        Assert.Throws<ArgumentException>(() => new DenunciationTemplate(NotificationEvent.CaseReceived, "x", NotificationUrgency.Urgent, pattern));
    }

    [Fact]
    public void The_denunciation_render_paths_take_nothing_but_the_tracking_code()
    {
        var render = typeof(NotificationCatalogue).GetMethod(nameof(NotificationCatalogue.RenderForDenunciation))!;
        Assert.Equal([typeof(NotificationEvent), typeof(string)], render.GetParameters().Select(p => p.ParameterType));
        Assert.Equal("trackingCode", render.GetParameters()[1].Name);

        var templateRender = typeof(DenunciationTemplate).GetMethod(nameof(DenunciationTemplate.Render), BindingFlags.Public | BindingFlags.Instance)!;
        Assert.Equal(["trackingCode", "lookupLink"], templateRender.GetParameters().Select(p => p.Name));
    }

    [Fact]
    public void No_denunciation_text_names_a_unit_a_date_or_a_reason()
    {
        foreach (var template in NotificationTemplates.Denunciation)
        {
            Assert.DoesNotContain("UBND", template.Pattern, StringComparison.Ordinal);
            Assert.DoesNotContain("Ly do:", template.Pattern, StringComparison.Ordinal);
            Assert.DoesNotContain("{date}", template.Pattern, StringComparison.Ordinal);
        }
    }
}
