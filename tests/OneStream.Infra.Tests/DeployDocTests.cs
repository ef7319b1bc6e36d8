using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Azure.Functions.Worker;
using OneStream.Functions.Functions;
using OneStream.Infra.Tests.Bicep;
using OneStream.Ingest.Storage;

namespace OneStream.Infra.Tests;

/// <summary>README.md names only things that exist: parameters with their real defaults, outputs, files, resources.</summary>
public sealed partial class DeployDocTests
{
    private static readonly string Doc = CompiledInfra.ReadRepositoryFile("README.md");

    [Fact]
    public void ParameterTable_ShowsEachParametersRealDefault()
    {
        var template = CompiledInfra.Deploy();
        var rows = ParameterRow().Matches(Doc);

        Assert.NotEmpty(rows);
        foreach (Match row in rows)
        {
            var name = row.Groups["name"].Value;
            Assert.True(template.ParameterDefinitions.ContainsKey(name), $"README.md lists an unknown parameter {name}.");
            Assert.Equal(row.Groups["default"].Value, Deployed.Text(template.Parameter(name)));
        }
    }

    [Fact]
    public void Outputs_ReadByTheDoc_Exist()
    {
        var outputs = CompiledInfra.Deploy().Outputs.Select(o => o.Key).ToHashSet(StringComparer.Ordinal);
        var read = OutputReference().Matches(Doc).Select(m => m.Groups["name"].Value).Distinct().ToList();

        Assert.NotEmpty(read);
        Assert.All(read, name => Assert.Contains(name, outputs));
    }

    [Fact]
    public void RepositoryPaths_InTheDoc_Exist()
    {
        var paths = RepositoryPath().Matches(Doc).Select(m => m.Groups["path"].Value).Distinct().ToList();

        Assert.NotEmpty(paths);
        Assert.All(paths, path => Assert.True(
            File.Exists(Path.Combine(CompiledInfra.RepositoryRoot, path)) || Directory.Exists(Path.Combine(CompiledInfra.RepositoryRoot, path)),
            $"README.md names {path}, which does not exist."));
    }

    [Fact]
    public void StorageNames_InTheDoc_AreTheCodesDefaults()
    {
        var defaults = new StorageNames();

        foreach (var name in typeof(StorageNames).GetProperties().Where(p => p.PropertyType == typeof(string)).Select(p => (string)p.GetValue(defaults)!))
        {
            Assert.Contains($"`{name}`", Doc, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void WebhookFunction_IsNamedAndRoutedAsTheCodeDoes()
    {
        var name = typeof(WebhookFunction).GetMethod(nameof(WebhookFunction.Run))!.GetCustomAttribute<FunctionAttribute>()!.Name;

        var arguments = FunctionNameArgument().Matches(Doc).Select(m => m.Groups["name"].Value).ToList();

        Assert.NotEmpty(arguments);
        Assert.All(arguments, argument => Assert.Equal(name, argument));
        Assert.Contains($"/api/{WebhookFunction.Route}?code=", Doc, StringComparison.Ordinal);
    }

    [Fact]
    public void ParameterFile_ItTellsAzdUsersToEdit_IsValidJson()
    {
        Assert.NotNull(JsonNode.Parse(CompiledInfra.ReadRepositoryFile("infra/main.parameters.json")));
    }

    // | `instanceMemoryMB` | `2048` | ...
    [GeneratedRegex(@"^\| `(?<name>[a-zA-Z]+)` \| `(?<default>[^`]*)` \|", RegexOptions.Multiline)]
    private static partial Regex ParameterRow();

    [GeneratedRegex(@"(?:azd env get-value |properties\.outputs\.)(?<name>[A-Z_]+)")]
    private static partial Regex OutputReference();

    [GeneratedRegex(@"(?<![\w/.-])(?<path>(?:infra|src|tests|docs)/[\w./-]*[\w])")]
    private static partial Regex RepositoryPath();

    [GeneratedRegex(@"--function-name (?<name>\S+)")]
    private static partial Regex FunctionNameArgument();
}
