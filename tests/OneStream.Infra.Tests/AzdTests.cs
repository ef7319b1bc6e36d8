using System.Diagnostics;
using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Azure.Functions.Worker;
using OneStream.Functions.Functions;
using OneStream.Infra.Tests.Bicep;

namespace OneStream.Infra.Tests;

/// <summary>azure.yaml, the azd parameter file and the postdeploy hooks agree with the template and the project.</summary>
public sealed partial class AzdTests
{
    /// <summary>The one service in azure.yaml; azd deploys to the resource tagged azd-service-name with it.</summary>
    public const string ServiceName = "api";

    private static readonly string AzureYaml = CompiledInfra.ReadRepositoryFile("azure.yaml");

    /// <summary>The name the receiver function is registered under, which the hooks ask Azure for a key of.</summary>
    private static readonly string WebhookFunctionName =
        typeof(WebhookFunction).GetMethod(nameof(WebhookFunction.Run))!.GetCustomAttribute<FunctionAttribute>()!.Name;

    [Fact]
    public void AzureYaml_DeploysTheFunctionsProject_AsAFunctionApp()
    {
        var service = Assert.Single(ServicePattern().Matches(AzureYaml));

        Assert.Equal(ServiceName, service.Groups["name"].Value);
        Assert.Equal("./src/OneStream.Functions", service.Groups["project"].Value);
        Assert.Equal("dotnet", service.Groups["language"].Value);
        Assert.Equal("function", service.Groups["host"].Value);
        Assert.True(File.Exists(Path.Combine(CompiledInfra.RepositoryRoot, "src/OneStream.Functions/OneStream.Functions.csproj")));
    }

    [Theory]
    [InlineData("infra/hooks/postdeploy.sh")]
    [InlineData("infra/hooks/postdeploy.ps1")]
    public void AzureYaml_RunsThePostdeployHooks_ThatExist(string script)
    {
        Assert.Contains($"run: ./{script}", AzureYaml, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(CompiledInfra.RepositoryRoot, script)), script);
    }

    [Theory]
    [InlineData("infra/hooks/postdeploy.sh")]
    [InlineData("infra/hooks/postdeploy.ps1")]
    public void Hooks_ReadTheWebhookFunctionsKey_AndPrintItsUrl(string script)
    {
        var text = CompiledInfra.ReadRepositoryFile(script);

        Assert.Contains("az functionapp function keys list", text, StringComparison.Ordinal);
        Assert.Contains(WebhookFunctionName, text, StringComparison.Ordinal);
        Assert.Contains(WebhookFunction.Route, text, StringComparison.Ordinal);
        Assert.Contains("AZURE_FUNCTION_APP_NAME", text, StringComparison.Ordinal);
        Assert.Contains("AZURE_RESOURCE_GROUP", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Hooks_ReadOnlyOutputsTheTemplateHas()
    {
        var outputs = CompiledInfra.Deploy().Outputs;

        Assert.Contains("AZURE_FUNCTION_APP_NAME", outputs.Select(o => o.Key));
        Assert.Contains("AZURE_RESOURCE_GROUP", outputs.Select(o => o.Key));
    }

    [Fact]
    public void BashHook_PrintsTheReceiverUrl_WithTheFunctionsKey()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // The bash hook is for macOS and Linux; Windows runs postdeploy.ps1.
        }

        // A stand-in az on PATH answers the two commands the hook runs and records them.
        var bin = Directory.CreateTempSubdirectory("fake-az-");
        try
        {
            var log = Path.Combine(bin.FullName, "calls.log");
            var az = Path.Combine(bin.FullName, "az");
            File.WriteAllText(az, """
                #!/usr/bin/env bash
                echo "$*" >> "$FAKE_AZ_LOG"
                case "$*" in
                  "functionapp show "*) echo "func-test.azurewebsites.net" ;;
                  "functionapp function keys list "*) echo "k3y" ;;
                  *) exit 2 ;;
                esac
                """.Replace("\r", "", StringComparison.Ordinal));
            File.SetUnixFileMode(az, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

            var (exitCode, output) = RunBashHook(bin.FullName, log);

            Assert.True(exitCode == 0, output);
            Assert.Contains($"https://func-test.azurewebsites.net/api/{WebhookFunction.Route}?code=k3y", output, StringComparison.Ordinal);
            Assert.Equal(
                [
                    "functionapp show --resource-group rg-test --name func-test --query defaultHostName --output tsv",
                    $"functionapp function keys list --resource-group rg-test --name func-test --function-name {WebhookFunctionName} --query default --output tsv",
                ],
                File.ReadAllLines(log));
        }
        finally
        {
            bin.Delete(recursive: true);
        }
    }

    private static (int ExitCode, string Output) RunBashHook(string fakeBin, string log)
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(CompiledInfra.RepositoryRoot, "infra/hooks/postdeploy.sh"));
        start.Environment["PATH"] = fakeBin + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
        start.Environment["FAKE_AZ_LOG"] = log;
        start.Environment["AZURE_RESOURCE_GROUP"] = "rg-test";
        start.Environment["AZURE_FUNCTION_APP_NAME"] = "func-test";

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    [Fact]
    public void HostJson_KeepsTheApiRoutePrefix_TheHooksPrint()
    {
        var host = JsonNode.Parse(CompiledInfra.ReadRepositoryFile("host.json"))!;

        var prefix = host["extensions"]?["http"]?["routePrefix"]?.GetValue<string>() ?? "api";

        Assert.Equal("api", prefix);
    }

    [Fact]
    public void ParameterFile_MapsAzdVariables_ToParametersTheTemplateHas()
    {
        var file = JsonNode.Parse(CompiledInfra.ReadRepositoryFile("infra/main.parameters.json"))!["parameters"]!.AsObject();
        var declared = CompiledInfra.Deploy().ParameterDefinitions.Select(p => p.Key).ToHashSet(StringComparer.Ordinal);

        Assert.All(file, p => Assert.Contains(p.Key, declared));
        Assert.Equal("${AZURE_ENV_NAME}", file["environmentName"]!["value"]!.GetValue<string>());
        Assert.Equal("${AZURE_LOCATION}", file["location"]!["value"]!.GetValue<string>());
        Assert.Equal("${AZURE_PRINCIPAL_ID}", file["principalId"]!["value"]!.GetValue<string>());
    }

    [GeneratedRegex(@"^services:\s*\n\s+(?<name>[\w-]+):\s*\n\s+project:\s*(?<project>\S+)\s*\n\s+language:\s*(?<language>\S+)\s*\n\s+host:\s*(?<host>\S+)", RegexOptions.Multiline)]
    private static partial Regex ServicePattern();
}
