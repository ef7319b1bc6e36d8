using System.Text.RegularExpressions;
using OneStream.Infra.Tests.Bicep;
using OneStream.Ingest.Calls;
using OneStream.Ingest.Storage;

namespace OneStream.Infra.Tests;

/// <summary>
/// Every setting the code reads is set, by the names and default values in the code's options classes, and no
/// setting, output or parameter holds a key.
/// </summary>
public sealed partial class AppSettingsTests
{
    private readonly Deployed _deployed = new(CompiledInfra.Deploy());

    public static TheoryData<string, string> StorageNameSettings()
    {
        var data = new TheoryData<string, string>();
        var defaults = new StorageNames();
        foreach (var property in typeof(StorageNames).GetProperties().Where(p => p.PropertyType == typeof(string)))
        {
            data.Add(SettingName(StorageNames.SectionName, property.Name), (string)property.GetValue(defaults)!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(StorageNameSettings))]
    public void StorageNames_AreSet_ToTheCodesDefaults(string setting, string expected)
    {
        Assert.Equal(expected, Setting(setting));
    }

    [Fact]
    public void CallSettings_AreSet_ToTheCodesDefaults()
    {
        var defaults = new CallOptions();

        Assert.Equal(defaults.MissedSweepSchedule, Setting(SettingName(CallOptions.SectionName, nameof(CallOptions.MissedSweepSchedule))));
        Assert.Equal(defaults.DefaultRegion, Setting(SettingName(CallOptions.SectionName, nameof(CallOptions.DefaultRegion))));
    }

    [Fact]
    public void DefaultRegion_FollowsItsParameter()
    {
        var deployed = new Deployed(CompiledInfra.Deploy(("defaultRegion", "GB")));

        Assert.Equal("GB", Deployed.Text(deployed.AppSettings[SettingName(CallOptions.SectionName, nameof(CallOptions.DefaultRegion))]));
    }

    [Theory]
    [InlineData($"{StorageNames.SectionName}:{nameof(StorageNames.CallEventsQueue)}")]
    [InlineData($"{StorageNames.SectionName}:{nameof(StorageNames.TranscriptionsQueue)}")]
    [InlineData($"{CallOptions.SectionName}:{nameof(CallOptions.MissedSweepSchedule)}")]
    public void BindingExpressions_ResolveToASetting(string key)
    {
        // The queue and timer triggers use %key% binding expressions, which fail the host at start-up when unset.
        Assert.False(string.IsNullOrWhiteSpace(Setting(key.Replace(":", "__", StringComparison.Ordinal))));
    }

    [Fact]
    public void AzureWebJobsStorage_SignsInAsTheUserAssignedIdentity()
    {
        Assert.Equal("managedidentity", Setting("AzureWebJobsStorage__credential"));
        Assert.Equal(_deployed.RuntimeValue(_deployed.Identity, "clientId"), Setting("AzureWebJobsStorage__clientId"));
        Assert.Equal(_deployed.RuntimeValue(_deployed.StorageAccount, "primaryEndpoints.blob"), Setting("AzureWebJobsStorage__blobServiceUri"));
        Assert.Equal(_deployed.RuntimeValue(_deployed.StorageAccount, "primaryEndpoints.queue"), Setting("AzureWebJobsStorage__queueServiceUri"));
        Assert.Equal(_deployed.RuntimeValue(_deployed.StorageAccount, "primaryEndpoints.table"), Setting("AzureWebJobsStorage__tableServiceUri"));
        Assert.False(_deployed.AppSettings.ContainsKey("AzureWebJobsStorage"), "A plain AzureWebJobsStorage setting would be a connection string.");
    }

    [Fact]
    public void ApplicationInsights_SignsInAsTheUserAssignedIdentity()
    {
        Assert.Equal(_deployed.RuntimeValue(_deployed.ApplicationInsights, "ConnectionString"), Setting("APPLICATIONINSIGHTS_CONNECTION_STRING"));
        Assert.Equal($"Authorization=AAD;ClientId={_deployed.RuntimeValue(_deployed.Identity, "clientId")}", Setting("APPLICATIONINSIGHTS_AUTHENTICATION_STRING"));
    }

    [Theory]
    [InlineData("FUNCTIONS_WORKER_RUNTIME")]
    [InlineData("FUNCTIONS_EXTENSION_VERSION")]
    [InlineData("WEBSITE_RUN_FROM_PACKAGE")]
    [InlineData("WEBSITE_CONTENTSHARE")]
    [InlineData("WEBSITE_CONTENTAZUREFILECONNECTIONSTRING")]
    [InlineData("SCM_DO_BUILD_DURING_DEPLOYMENT")]
    public void Settings_OmitWhatFlexConsumptionRejects(string setting)
    {
        // Flex Consumption takes these from functionAppConfig, or has no use for them, and fails a deployment that sets them.
        Assert.False(_deployed.AppSettings.ContainsKey(setting));
    }

    [Fact]
    public void Settings_HoldNoConnectionString_ButApplicationInsights()
    {
        // Application Insights' connection string names the resource and its endpoint; with local auth disabled
        // (FunctionAppTests) it is no credential. It is the only connection string allowed.
        var connectionStrings = _deployed.AppSettings
            .Where(s => s.Key.Contains("CONNECTION_STRING", StringComparison.OrdinalIgnoreCase)
                || s.Key.Contains("ConnectionString", StringComparison.OrdinalIgnoreCase)
                || Deployed.Text(s.Value).Contains("ConnectionString", StringComparison.OrdinalIgnoreCase))
            .Select(s => s.Key);

        Assert.Equal(["APPLICATIONINSIGHTS_CONNECTION_STRING"], connectionStrings);
    }

    [Fact]
    public void Template_HoldsNoKeyAnywhere()
    {
        var json = CompiledInfra.ArmJson;

        Assert.Empty(KeyMaterial().Matches(json).Select(m => m.Value));
        Assert.Empty(KeyMaterial().Matches(CompiledInfra.ReadRepositoryFile("infra/main.parameters.json")).Select(m => m.Value));
    }

    [Fact]
    public void Outputs_HoldNoSecrets()
    {
        var outputs = _deployed.Template.Outputs;

        Assert.All(outputs, o => Assert.DoesNotContain("ConnectionString", Deployed.Text(o.Value), StringComparison.OrdinalIgnoreCase));
        Assert.All(outputs, o => Assert.Empty(KeyMaterial().Matches(Deployed.Text(o.Value))));
        Assert.Equal(_deployed.Site.Name, Deployed.Text(outputs["AZURE_FUNCTION_APP_NAME"]));
        Assert.Equal(_deployed.StorageAccount.Name, Deployed.Text(outputs["AZURE_STORAGE_ACCOUNT_NAME"]));
        Assert.Equal(_deployed.ResourceGroup, Deployed.Text(outputs["AZURE_RESOURCE_GROUP"]));
        Assert.Equal(_deployed.ResourceGroup, Deployed.Text(outputs["RESOURCE_GROUP"]));
        Assert.Equal(CompiledInfra.Location, Deployed.Text(outputs["AZURE_LOCATION"]));
    }

    /// <summary>"OneStream:Storage" + "CallEventsQueue" → "OneStream__Storage__CallEventsQueue" (an app setting name).</summary>
    private static string SettingName(string section, string key) => $"{section.Replace(":", "__", StringComparison.Ordinal)}__{key}";

    private string Setting(string name)
    {
        Assert.True(_deployed.AppSettings.ContainsKey(name), $"App setting {name} is missing.");
        return Deployed.Text(_deployed.AppSettings[name]);
    }

    [GeneratedRegex("AccountKey|SharedAccessSignature|DefaultEndpointsProtocol|SharedAccessKey|listKeys|listAccountSas|listServiceSas|InstrumentationKey=", RegexOptions.IgnoreCase)]
    private static partial Regex KeyMaterial();
}
