using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Petitions.LocalHost.TestWorker;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();

// fault injection for the contract tests: a worker whose web host is slow to listen (a busy machine)
if (int.TryParse(Environment.GetEnvironmentVariable("TestWorker_HttpStartDelayMs"), NumberStyles.None, CultureInfo.InvariantCulture, out var delay))
{
    builder.Services.AddSingleton<IStartupFilter>(new SlowHttpStart(TimeSpan.FromMilliseconds(delay)));
}

await builder.Build().RunAsync();
