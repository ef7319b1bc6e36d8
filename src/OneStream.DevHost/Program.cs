using OneStream.DevHost;
using OneStream.DevHost.Hosting;

await using var app = DevHostApp.Build(args);
var failures = app.Services.GetRequiredService<StoppingExceptionHandler>();
await app.RunAsync();
return failures.Failed ? 1 : 0;
