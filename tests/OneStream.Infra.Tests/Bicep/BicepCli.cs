using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;

namespace OneStream.Infra.Tests.Bicep;

/// <summary>
/// Runs the Bicep CLI that NuGet restored for this project (Azure.Bicep.CommandLine.linux-x64, pinned centrally).
/// BICEP_PATH overrides it, for a machine that is not linux-x64 (point it at any bicep of the same version).
/// </summary>
internal static class BicepCli
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public static string ExecutablePath { get; } = Locate();

    public static BicepRun Run(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(ExecutablePath)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {ExecutablePath}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', arguments)} did not finish within {Timeout}.");
        }

        return new BicepRun(process.ExitCode, stdout.Result, stderr.Result, stopwatch.Elapsed);
    }

    private static string Locate()
    {
        var overridden = Environment.GetEnvironmentVariable("BICEP_PATH");
        if (string.IsNullOrWhiteSpace(overridden) && !(OperatingSystem.IsLinux() && RuntimeInformation.OSArchitecture == Architecture.X64))
        {
            throw new PlatformNotSupportedException(
                $"The restored Bicep CLI is for linux-x64; this is {RuntimeInformation.RuntimeIdentifier}. Set BICEP_PATH to a bicep of the same version.");
        }

        var restored = typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "BicepPath")?.Value;
        var configured = string.IsNullOrWhiteSpace(overridden) ? restored : overridden;
        if (string.IsNullOrWhiteSpace(configured))
        {
            throw new FileNotFoundException("The test assembly does not say where the Bicep CLI is; build it with 'dotnet build'.");
        }

        // The package's props file joins the path with a backslash.
        var path = Path.GetFullPath(OperatingSystem.IsWindows() ? configured : configured.Replace('\\', '/'));
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"No Bicep CLI at '{path}'. Run 'dotnet restore' (it downloads Azure.Bicep.CommandLine.linux-x64), or set BICEP_PATH.");
        }

        if (!OperatingSystem.IsWindows())
        {
            // NuGet does not always keep the execute bit when it extracts a package.
            var mode = File.GetUnixFileMode(path);
            if (!mode.HasFlag(UnixFileMode.UserExecute))
            {
                File.SetUnixFileMode(path, mode | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
            }
        }

        return path;
    }
}

internal sealed record BicepRun(int ExitCode, string StandardOutput, string StandardError, TimeSpan Elapsed)
{
    /// <summary>Diagnostic lines ("file(line,col) : Warning rule: message"), of any level.</summary>
    public IReadOnlyList<string> Diagnostics => StandardError
        .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Where(line => line.Contains(" : Error ", StringComparison.Ordinal)
            || line.Contains(" : Warning ", StringComparison.Ordinal)
            || line.Contains(" : Info ", StringComparison.Ordinal))
        .Distinct()
        .ToList();
}
