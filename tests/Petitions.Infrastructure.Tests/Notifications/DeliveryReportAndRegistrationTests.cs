using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Petitions.Core.Notifications;
using Petitions.Infrastructure.Notifications;
using Petitions.Infrastructure.Notifications.Sms;
using Petitions.TestKit;

namespace Petitions.Infrastructure.Tests.Notifications;

public sealed class DeliveryReportAndRegistrationTests
{
    [Fact]
    public void The_Event_Grid_delivery_report_fixture_parses()
    {
        var reports = AcsDeliveryReports.Parse(BinaryData.FromString(RepositoryPaths.Fixture("acs/delivery-report-event.json")));
        var report = Assert.Single(reports);
        Assert.Equal(ChannelKind.Sms, report.Channel);
        Assert.Equal("Outgoing_20261122021031d4b6a4c1-8e5f-4f0b-9b7e-2a3c9d1e5f60_noam", report.ProviderMessageId);
        Assert.True(report.Delivered);
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 2, 10, 35, TimeSpan.Zero), report.ReceivedAt);
    }

    [Fact]
    public void A_failed_delivery_report_reads_as_not_delivered()
    {
        var json = RepositoryPaths.Fixture("acs/delivery-report-event.json").Replace("\"Delivered\"", "\"Failed\"", StringComparison.Ordinal);
        var report = Assert.Single(AcsDeliveryReports.Parse(BinaryData.FromString(json)));
        Assert.False(report.Delivered);
        Assert.Equal("Failed", report.Status);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>));
        services.AddNotificationChannels(configuration);
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task The_sink_provider_records_each_notification_once_for_the_dev_outbox()
    {
        using var provider = Build(new() { ["Notifications:Sms:Provider"] = "Sink" });
        var channels = provider.GetRequiredService<NotificationChannels>();
        Assert.IsType<DevelopmentSinkChannel>(channels.Sms);
        Assert.Null(channels.Zalo);

        var message = new OutgoingMessage("n-1", "+84912345678", "Ma ho so: KN-1", "case-received", new Dictionary<string, string>(), "case-received", DateTimeOffset.UnixEpoch);
        Assert.Equal(SendStatus.Accepted, (await channels.Sms.SendAsync(message, default)).Status);
        Assert.Equal(SendStatus.AlreadyAccepted, (await channels.Sms.SendAsync(message, default)).Status);
        var entry = Assert.Single(provider.GetRequiredService<DevelopmentOutbox>().List());
        Assert.Equal("Ma ho so: KN-1", entry.Text);
    }

    [Fact]
    public void Acs_and_Zalo_are_wired_from_settings()
    {
        using var provider = Build(new()
        {
            ["Notifications:Sms:Provider"] = "Acs",
            ["Notifications:Sms:Acs:ConnectionString"] = "endpoint=https://acs-petitions.communication.azure.com/;accesskey=c2VjcmV0",
            ["Notifications:Sms:Acs:From"] = "PAKN",
            ["Notifications:Zalo:AccessToken"] = "token",
            ["Notifications:Zalo:Templates:CaseReceived"] = "231677",
        });
        var channels = provider.GetRequiredService<NotificationChannels>();
        Assert.IsType<AcsSmsChannel>(channels.Sms);
        Assert.NotNull(channels.Zalo);
        Assert.True(channels.Zalo!.CanSend("case-received"));
    }

    [Fact]
    public void An_unknown_provider_or_missing_ACS_settings_fail_at_start_with_a_clear_message()
    {
        var unknown = Assert.Throws<InvalidOperationException>(() => Build(new() { ["Notifications:Sms:Provider"] = "Viettel" }));
        Assert.Contains("Acs", unknown.Message, StringComparison.Ordinal);
        Assert.Contains("Sink", unknown.Message, StringComparison.Ordinal);

        using var provider = Build(new() { ["Notifications:Sms:Provider"] = "Acs" });
        Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<NotificationChannels>());
    }
}
