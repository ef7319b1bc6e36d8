using OneStream.Infra.Tests.Bicep;

namespace OneStream.Infra.Tests;

/// <summary>The Flex Consumption app: .NET 10 isolated, warm for HTTP, signed in with its one identity, no FTP or passwords.</summary>
public sealed class FunctionAppTests
{
    private readonly Deployed _deployed = new(CompiledInfra.Deploy());

    [Fact]
    public void Plan_IsFlexConsumption()
    {
        var plan = _deployed.Single("Microsoft.Web/serverfarms");

        Assert.Equal("FC1", plan.Body["sku"]!["name"]!.GetValue<string>());
        Assert.Equal("FlexConsumption", plan.Body["sku"]!["tier"]!.GetValue<string>());
        Assert.True(plan.Properties["reserved"]!.GetValue<bool>());
        Assert.Equal(_deployed.IdOf(plan), Deployed.Text(_deployed.Site.Properties["serverFarmId"]));
    }

    [Fact]
    public void App_RunsDotnetIsolated10()
    {
        var runtime = _deployed.Site.Properties["functionAppConfig"]!["runtime"]!;

        Assert.Equal("dotnet-isolated", runtime["name"]!.GetValue<string>());
        Assert.Equal("10.0", runtime["version"]!.GetValue<string>());
        Assert.Equal("functionapp,linux", _deployed.Site.Body["kind"]!.GetValue<string>());
    }

    [Fact]
    public void App_RunsAsTheUserAssignedIdentity_AlsoForItsDeploymentPackage()
    {
        var identityId = _deployed.IdOf(_deployed.Identity);
        var identity = _deployed.Site.Body["identity"]!;
        var storage = _deployed.Site.Properties["functionAppConfig"]!["deployment"]!["storage"]!;

        Assert.Equal("UserAssigned", identity["type"]!.GetValue<string>());
        Assert.Equal([identityId], identity["userAssignedIdentities"]!.AsObject().Select(p => p.Key));
        Assert.Equal("UserAssignedIdentity", storage["authentication"]!["type"]!.GetValue<string>());
        Assert.Equal(identityId, storage["authentication"]!["userAssignedIdentityResourceId"]!.GetValue<string>());
    }

    [Fact]
    public void DeploymentPackage_GoesToAContainerTheTemplateCreates()
    {
        var storage = _deployed.Site.Properties["functionAppConfig"]!["deployment"]!["storage"]!;
        var container = Assert.Single(_deployed.OfType("Microsoft.Storage/storageAccounts/blobServices/containers"), c => c.LeafName.StartsWith("app-package-", StringComparison.Ordinal));

        Assert.Equal("blobContainer", storage["type"]!.GetValue<string>());
        Assert.Equal(_deployed.RuntimeValue(_deployed.StorageAccount, "primaryEndpoints.blob") + container.LeafName, storage["value"]!.GetValue<string>());
    }

    [Fact]
    public void AlwaysReady_KeepsOneHttpInstance_ByDefault()
    {
        var alwaysReady = Assert.Single(_deployed.Site.Properties["functionAppConfig"]!["scaleAndConcurrency"]!["alwaysReady"]!.AsArray())!;

        Assert.Equal("http", alwaysReady["name"]!.GetValue<string>());
        Assert.True(alwaysReady["instanceCount"]!.GetValue<long>() >= 1);
    }

    [Fact]
    public void Scale_FollowsParameters()
    {
        var deployed = new Deployed(CompiledInfra.Deploy(("instanceMemoryMB", 512), ("maximumInstanceCount", 10), ("httpAlwaysReadyInstances", 2)));

        var scale = deployed.Site.Properties["functionAppConfig"]!["scaleAndConcurrency"]!;

        Assert.Equal(512, scale["instanceMemoryMB"]!.GetValue<long>());
        Assert.Equal(10, scale["maximumInstanceCount"]!.GetValue<long>());
        Assert.Equal(2, scale["alwaysReady"]![0]!["instanceCount"]!.GetValue<long>());
    }

    [Fact]
    public void App_IsHttpsOnly_Tls12_WithoutFtp()
    {
        var properties = _deployed.Site.Properties;

        Assert.True(properties["httpsOnly"]!.GetValue<bool>());
        Assert.Equal("1.2", properties["siteConfig"]!["minTlsVersion"]!.GetValue<string>());
        Assert.Equal("Disabled", properties["siteConfig"]!["ftpsState"]!.GetValue<string>());
    }

    [Fact]
    public void BasicPublishingCredentials_AreOff_ForScmAndFtp()
    {
        var policies = _deployed.OfType("Microsoft.Web/sites/basicPublishingCredentialsPolicies");

        Assert.Equal(["ftp", "scm"], policies.Select(p => p.LeafName).Order());
        Assert.All(policies, p => Assert.False(p.Properties["allow"]!.GetValue<bool>()));
        Assert.All(policies, p => Assert.StartsWith(_deployed.Site.Name + "/", p.Name, StringComparison.Ordinal));
    }

    [Fact]
    public void App_IsTaggedWithTheAzdServiceName()
    {
        Assert.Equal(AzdTests.ServiceName, _deployed.Site.Tags["azd-service-name"]!.GetValue<string>());
    }

    [Fact]
    public void ApplicationInsights_AcceptsOnlyEntraSignedTelemetry()
    {
        Assert.True(_deployed.ApplicationInsights.Properties["DisableLocalAuth"]!.GetValue<bool>());
        Assert.Equal(_deployed.IdOf(_deployed.Single("Microsoft.OperationalInsights/workspaces")), Deployed.Text(_deployed.ApplicationInsights.Properties["WorkspaceResourceId"]));
    }
}
