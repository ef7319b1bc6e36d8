using BenchmarkDotNet.Running;
using OneStream.Benchmarks;

// dotnet run -c Release --project benchmarks/OneStream.Benchmarks -- receiver   (BenchmarkDotNet, storage taken out)
// dotnet run -c Release --project benchmarks/OneStream.Benchmarks -- azurite    (whole receive against Azurite)
// dotnet run -c Release --project benchmarks/OneStream.Benchmarks -- processor [calls] [parallel] [processors]
switch (args.FirstOrDefault())
{
    case "azurite":
        await ReceiverAgainstAzurite.RunAsync(posts: 2_000, concurrency: 1);
        await ReceiverAgainstAzurite.RunAsync(posts: 2_000, concurrency: 16);
        break;
    case "processor":
        int Arg(int index, int fallback) => args.Length > index ? int.Parse(args[index], System.Globalization.CultureInfo.InvariantCulture) : fallback;
        return await ProcessorAgainstAzurite.RunAsync(calls: Arg(1, 300), parallel: Arg(2, 16), processors: Arg(3, 2)) ? 0 : 1;
    case "receiver":
        BenchmarkRunner.Run<ReceiverBenchmarks>(args: args[1..]);
        break;
    default:
        Console.Error.WriteLine("usage: OneStream.Benchmarks receiver|azurite|processor");
        return 2;
}

return 0;
