using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Petitions.Functions.Runtime;
using Petitions.Functions.Runtime.Registry;
using Petitions.Functions.Tests.Support;

namespace Petitions.Functions.Tests.Standalone;

/// <summary>A <see cref="FunctionInvoker"/> over the test functions, without a web host.</summary>
internal static class ListenerHarness
{
    public static FunctionInvoker Invoker(TestBehaviour behaviour)
    {
        var registry = new FunctionRegistry();
        var services = new ServiceCollection().AddSingleton(behaviour);
        new FunctionRegistryBuilder(services, registry)
            .Queue<TestQueueFunction>(TestQueueFunction.Name)
            .Timer<TestTimerFunction>(TestTimerFunction.Name);
        var provider = services.BuildServiceProvider();
        return new FunctionInvoker(provider.GetRequiredService<IServiceScopeFactory>(), registry, NullLogger<FunctionInvoker>.Instance);
    }
}
