using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using OneStream.Functions;
using OneStream.Ingest;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddOneStreamTelemetry();
builder.Services.AddOneStream(builder.Configuration);
builder.Build().Run();
