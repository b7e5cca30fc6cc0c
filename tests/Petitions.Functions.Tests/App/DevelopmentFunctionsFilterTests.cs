using System.Collections.Immutable;
using Microsoft.Azure.Functions.Worker.Core.FunctionMetadata;
using Microsoft.Extensions.Hosting;
using Moq;
using Petitions.Functions.App;

namespace Petitions.Functions.Tests.App;

public sealed class DevelopmentFunctionsFilterTests
{
    private static IFunctionMetadata Function(string name, string entryPoint) =>
        Mock.Of<IFunctionMetadata>(f => f.Name == name && f.EntryPoint == entryPoint);

    private static readonly ImmutableArray<IFunctionMetadata> All =
    [
        Function("FileCase", "Petitions.Functions.Functions.FileCase.FileCaseEndpoint.RunAsync"),
        Function("DevLogin", "Petitions.Functions.Functions.DevLogin.DevLoginEndpoint.RunAsync"),
        Function("GetDevOutbox", "Petitions.Functions.Functions.GetDevOutbox.GetDevOutboxEndpoint.Run"),
        Function("ProcessCase", "Petitions.Functions.Functions.ProcessCase.ProcessCaseFunction.RunAsync"),
    ];

    [Theory]
    [InlineData("Production", new[] { "FileCase", "ProcessCase" })]
    [InlineData("Staging", new[] { "FileCase", "ProcessCase" })]
    [InlineData("Development", new[] { "FileCase", "DevLogin", "GetDevOutbox", "ProcessCase" })]
    public async Task Development_functions_are_left_out_of_the_metadata_outside_Development(string environment, string[] expected)
    {
        var inner = new Mock<IFunctionMetadataProvider>();
        inner.Setup(p => p.GetFunctionMetadataAsync("/app")).ReturnsAsync(All);
        var filter = new DevelopmentFunctionsFilter(inner.Object, Mock.Of<IHostEnvironment>(e => e.EnvironmentName == environment));

        var functions = await filter.GetFunctionMetadataAsync("/app");

        Assert.Equal(expected, functions.Select(f => f.Name));
    }
}
