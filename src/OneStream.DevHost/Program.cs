using OneStream.DevHost;
using OneStream.DevHost.Hosting;

await using var app = DevHostApp.Build(args);
await app.RunAsync();
return app.Services.GetRequiredService<StoppingExceptionHandler>().Failed ? 1 : 0;
