using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Petitions.Core.Time;
using Petitions.Core.UseCases.Escalations;
using Petitions.Core.UseCases.Intake;
using Petitions.Core.UseCases.Lookup;
using Petitions.Core.UseCases.Processing;
using Petitions.Core.UseCases.Staff;
using Petitions.Infrastructure.Cases;
using Petitions.TestKit;

namespace Petitions.Infrastructure.Tests.Cases;

public sealed class AddCaseHandlingTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new ManualTimeProvider(CaseWorld.Start));
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        return services.AddCaseHandling(new ConfigurationBuilder().AddInMemoryCollection(settings).Build()).BuildServiceProvider();
    }

    [Fact]
    public void The_sample_settings_build_every_use_case()
    {
        var settings = CaseWorld.Settings("x");
        settings["AzureWebJobsStorage"] = AzuriteServer.Shared.ConnectionString;
        using var provider = Build(settings);

        provider.GetRequiredService<IStartupValidator>().Validate();

        Assert.NotNull(provider.GetRequiredService<FileCase.Handler>());
        Assert.NotNull(provider.GetRequiredService<LookupCase.Handler>());
        Assert.NotNull(provider.GetRequiredService<ProcessCase.Handler>());
        Assert.NotNull(provider.GetRequiredService<RelayOutbox.Handler>());
        Assert.NotNull(provider.GetRequiredService<SweepEscalations.Handler>());
        Assert.NotNull(provider.GetRequiredService<FireEscalations.Handler>());
        Assert.NotNull(provider.GetRequiredService<ListCases.Handler>());
        Assert.NotNull(provider.GetRequiredService<GetCaseDetail.Handler>());
        Assert.NotNull(provider.GetRequiredService<WithdrawCase.Handler>());
        Assert.NotNull(provider.GetRequiredService<ExtendCase.Handler>());
    }

    [Fact]
    public void Missing_or_weak_keys_and_bad_limits_stop_the_start_naming_each_setting_without_its_value()
    {
        var settings = CaseWorld.Settings("x");
        settings["AzureWebJobsStorage"] = AzuriteServer.Shared.ConnectionString;
        settings["Security:FieldEncryptionKey"] = Convert.ToBase64String(new byte[16]);
        settings["Security:PhoneHashKey"] = null;
        settings["CaseHandling:LettersPerPhone"] = "0";
        settings["CaseHandling:Storage:CasesTable"] = "bad-name";
        using var provider = Build(settings);

        var error = Assert.ThrowsAny<Exception>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Security:FieldEncryptionKey", error.Message, StringComparison.Ordinal);
        Assert.Contains("16 bytes", error.Message, StringComparison.Ordinal);
        Assert.Contains("Security:PhoneHashKey", error.Message, StringComparison.Ordinal);
        Assert.Contains("CaseHandling:LettersPerPhone", error.Message, StringComparison.Ordinal);
        Assert.Contains("CaseHandling:Storage:CasesTable", error.Message, StringComparison.Ordinal);
    }
}
