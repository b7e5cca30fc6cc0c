using Microsoft.Extensions.DependencyInjection;
using Petitions.Core.Escalation;
using Petitions.Core.LegalClock;
using Petitions.Core.UseCases;

namespace Petitions.Core.Tests.UseCases;

public sealed class LegalClockRegistrationTests
{
    [Fact]
    public void The_service_provider_builds_the_calculator_with_the_unit_petition_limit()
    {
        var provider = new DescriptorProvider(new ServiceCollection().AddLegalClock(new LegalClockSettings(PetitionReplyWorkingDays: 7)));
        var outcome = provider.GetRequiredService<CalculateDeadline.Handler>().Handle(new("petition", "process", "2026-03-02"));
        Assert.Equal(7, outcome.Value!.Limit);
        Assert.Equal(5, provider.GetRequiredService<EscalationPolicy>().LongestLeadWorkingDays);
    }

    [Fact]
    public void A_non_positive_petition_limit_is_refused_at_start() =>
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            new DeadlineCalculator(LegalLimits.LoadEmbedded(), Petitions.Core.Calendar.VietnamWorkingCalendar.Default, new LegalClockSettings(0)));

    /// <summary>Resolves singletons straight from the descriptors (the test project references only the DI abstractions).</summary>
    private sealed class DescriptorProvider(IServiceCollection services) : IServiceProvider
    {
        public object? GetService(Type serviceType)
        {
            var descriptor = services.LastOrDefault(d => d.ServiceType == serviceType);
            return descriptor?.ImplementationInstance ?? descriptor?.ImplementationFactory?.Invoke(this);
        }
    }
}
