using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Petitions.Core.UseCases.Intake;
using Petitions.Functions.App.Security;
using Petitions.Functions.Tests.Support;
using Petitions.Infrastructure.Configuration;
using Petitions.TestKit;

namespace Petitions.Functions.Tests.App;

/// <summary>The one composition call, built as the worker builds it (every ValidateOnStart run), from test settings.</summary>
public sealed class CompositionTests
{
    [Fact]
    public async Task AddPetitions_builds_and_validates_with_the_test_settings()
    {
        await using var provider = TestApp.BuildComposition(FunctionsAppHost.DefaultSettings());

        Assert.NotNull(provider.GetRequiredService<FileCase.Handler>());
        Assert.Equal("Development", provider.GetRequiredService<AuthSettings>().CanonicalMode);
        var triggers = provider.GetRequiredService<TriggerSettings>();
        Assert.StartsWith("intake-", triggers.IntakeQueueName, StringComparison.Ordinal);
        Assert.Equal(PublicSiteSettings.DefaultBaseUrl, provider.GetRequiredService<PublicSiteSettings>().BaseUrl);
    }

    [Fact]
    public async Task The_development_values_of_local_settings_json_are_complete()
    {
        var settings = FunctionsAppHost.DefaultSettings();
        foreach (var name in new[] { "OutboxQueueName", "IntakeQueueName", "EscalationsQueueName", "NotificationsQueueName", "DeliveryReportsQueueName", "ZaloEventsQueueName" })
        {
            settings.Remove(name);
        }

        await using var provider = TestApp.BuildComposition(settings);
        Assert.Equal("case-intake", provider.GetRequiredService<TriggerSettings>().IntakeQueueName);
        Assert.Equal("0 */5 * * * *", provider.GetRequiredService<TriggerSettings>().EscalationSweepSchedule);
    }

    [Theory]
    [InlineData("IntakeQueueName", "", "The app setting IntakeQueueName is missing")]
    [InlineData("OutboxQueueName", "Not_A_Queue", "The app setting OutboxQueueName 'Not_A_Queue' is not a queue name")]
    [InlineData("EscalationSweepSchedule", "*/5 * * * *", "The app setting EscalationSweepSchedule '*/5 * * * *' is not a 6-field NCRONTAB schedule")]
    [InlineData("Public__BaseUrl", "pakn.example.vn", "The setting Public:BaseUrl 'pakn.example.vn' is not an absolute http(s) address")]
    [InlineData("Auth__Mode", "Kerberos", "The setting Auth:Mode must be Development, AppService or None (found 'Kerberos')")]
    [InlineData("Reception__BookingsTable", "bookings-table", "The setting Reception:BookingsTable 'bookings-table' is not a table name")]
    [InlineData("Reception__SchedulesPath", "/no/such/schedules.json", "The setting Reception:SchedulesPath names no file ('/no/such/schedules.json')")]
    public void A_missing_or_wrong_setting_stops_start_up_with_a_sentence_naming_it(string setting, string value, string sentence)
    {
        var settings = FunctionsAppHost.DefaultSettings();
        settings[setting] = value;

        var failure = Record.Exception(() => TestApp.BuildComposition(settings).Dispose());

        var failures = failure is AggregateException all ? all.Flatten().InnerExceptions : [failure!];
        var messages = failures.OfType<OptionsValidationException>().SelectMany(e => e.Failures).ToList();
        Assert.Contains(messages, m => m.StartsWith(sentence, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_platform_principal_is_trusted_only_when_the_setting_says_the_platform_sets_it()
    {
        var settings = FunctionsAppHost.DefaultSettings();
        settings["Auth__Mode"] = "AppService";
        await using var provider = TestApp.BuildComposition(settings);

        Assert.False(provider.GetRequiredService<AuthSettings>().TrustPlatformPrincipal);
    }
}
