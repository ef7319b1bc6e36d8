using OneStream.DevHost;

await using var app = DevHostApp.Build(args);
await app.RunAsync();
