using System.Text.RegularExpressions;
using OneStream.Infra.Tests.Bicep;

namespace OneStream.Infra.Tests;

/// <summary>
/// The template must compile and lint with nothing to say: Bicep reports an unknown property (BCP037), an unknown
/// resource type or API version (BCP081) or a misspelt one (BCP089) only as a warning, so any warning fails here.
/// </summary>
public sealed class BicepBuildTests
{
    [Fact]
    public void Build_Succeeds_WithNoDiagnostics()
    {
        var build = CompiledInfra.Build;

        Assert.True(build.ExitCode == 0, $"bicep build exited {build.ExitCode}:\n{build.StandardError}");
        Assert.True(build.Diagnostics.Count == 0, "bicep build reported:\n" + string.Join('\n', build.Diagnostics));
        Assert.StartsWith("{", build.StandardOutput.TrimStart(), StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_Succeeds_WithNoDiagnostics()
    {
        var lint = CompiledInfra.Lint;

        Assert.True(lint.ExitCode == 0, $"bicep lint exited {lint.ExitCode}:\n{lint.StandardError}");
        Assert.True(lint.Diagnostics.Count == 0, "bicep lint reported:\n" + string.Join('\n', lint.Diagnostics));
    }

    [Fact]
    public void Template_UsesNoRegistryModules()
    {
        // Everything must compile offline, in CI, from this repository alone.
        foreach (var file in Directory.EnumerateFiles(Path.Combine(CompiledInfra.RepositoryRoot, "infra"), "*.bicep", SearchOption.AllDirectories))
        {
            var registryModules = Regex.Matches(File.ReadAllText(file), @"^\s*module\s+\S+\s+'(br|ts)[:/][^']*'", RegexOptions.Multiline);
            Assert.True(registryModules.Count == 0, $"{file}: {string.Join(", ", registryModules.Select(m => m.Value.Trim()))}");
        }
    }
}
