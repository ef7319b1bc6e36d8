using BenchmarkDotNet.Running;
using OneStream.Benchmarks;

// dotnet run -c Release --project benchmarks/OneStream.Benchmarks -- receiver   (BenchmarkDotNet, storage taken out)
// dotnet run -c Release --project benchmarks/OneStream.Benchmarks -- azurite    (whole receive against Azurite)
switch (args.FirstOrDefault())
{
    case "azurite":
        await ReceiverAgainstAzurite.RunAsync(posts: 2_000, concurrency: 1);
        await ReceiverAgainstAzurite.RunAsync(posts: 2_000, concurrency: 16);
        break;
    case "receiver":
        BenchmarkRunner.Run<ReceiverBenchmarks>(args: args[1..]);
        break;
    default:
        Console.Error.WriteLine("usage: OneStream.Benchmarks receiver|azurite");
        return 2;
}

return 0;
