using System.Text.Json.Nodes;
using OneStream.Infra.Tests.Arm;

namespace OneStream.Infra.Tests.Bicep;

/// <summary>
/// infra/main.bicep built and linted once for the whole test run (two bicep processes, side by side), and the
/// ARM JSON it compiles to, ready to be evaluated with chosen parameters.
/// </summary>
internal static class CompiledInfra
{
    public const string MainBicep = "infra/main.bicep";
    public const string EnvironmentName = "ci";
    public const string Location = "eastus";

    // Declared before Runs: static initializers run in order.
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    private static readonly Lazy<(BicepRun Build, BicepRun Lint)> Runs = new(() =>
    {
        var build = Task.Run(() => BicepCli.Run(RepositoryRoot, "build", MainBicep, "--stdout"));
        var lint = Task.Run(() => BicepCli.Run(RepositoryRoot, "lint", MainBicep));
        return (build.GetAwaiter().GetResult(), lint.GetAwaiter().GetResult());
    });

    public static BicepRun Build => Runs.Value.Build;

    public static BicepRun Lint => Runs.Value.Lint;

    public static string ArmJson => Build.ExitCode == 0
        ? Build.StandardOutput
        : throw new InvalidOperationException($"bicep build failed:\n{Build.StandardError}");

    /// <summary>The template as azd would deploy it: environment "ci" in eastus, other parameters at their defaults.</summary>
    public static ArmTemplate Deploy(params (string Name, JsonNode? Value)[] parameters)
    {
        var values = new Dictionary<string, JsonNode?>(StringComparer.OrdinalIgnoreCase)
        {
            ["environmentName"] = EnvironmentName,
            ["location"] = Location,
        };
        foreach (var (name, value) in parameters)
        {
            values[name] = value;
        }

        return ArmTemplate.Load(ArmJson, values);
    }

    public static string ReadRepositoryFile(string relativePath) => File.ReadAllText(Path.Combine(RepositoryRoot, relativePath));

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "OneStream.Functions.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No OneStream.Functions.sln above {AppContext.BaseDirectory}.");
    }
}
