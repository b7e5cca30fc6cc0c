using Microsoft.Azure.Functions.Worker.Builder;
using Petitions.Functions.App;
using Petitions.Functions.App.Http;

// The worker's own folder is the content root (wwwroot, appsettings*.json), whatever the host's working directory.
var builder = FunctionsApplication.CreateBuilder(["--contentRoot", AppContext.BaseDirectory, .. args]);
builder.ConfigureFunctionsWebApplication();
builder.UseMiddleware<HttpPolicyMiddleware>();
builder.Services.AddPetitions(builder.Configuration, builder.Environment);
await builder.Build().RunAsync().ConfigureAwait(false);
