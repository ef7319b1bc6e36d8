using System.Text.Json.Nodes;
using OneStream.Infra.Tests.Bicep;
using OneStream.Ingest.Storage;

namespace OneStream.Infra.Tests;

/// <summary>The storage account refuses keys and plain HTTP, and holds exactly what the app code expects by default.</summary>
public sealed class StorageTests
{
    private static readonly StorageNames Defaults = new();

    private readonly Deployed _deployed = new(CompiledInfra.Deploy());

    [Fact]
    public void Account_RefusesSharedKeysPublicBlobsAndOldTls()
    {
        var properties = _deployed.StorageAccount.Properties;

        Assert.False(properties["allowSharedKeyAccess"]!.GetValue<bool>());
        Assert.False(properties["allowBlobPublicAccess"]!.GetValue<bool>());
        Assert.True(properties["supportsHttpsTrafficOnly"]!.GetValue<bool>());
        Assert.Equal("TLS1_2", properties["minimumTlsVersion"]!.GetValue<string>());
        Assert.True(properties["defaultToOAuthAuthentication"]!.GetValue<bool>());
    }

    [Fact]
    public void Tables_AreTheCodesDefaults()
    {
        string[] expected = [Defaults.EventsTable, Defaults.CallsTable, Defaults.TranscriptionsTable, Defaults.CallIndexTable, Defaults.ReceiptsTable];

        var tables = LeafNames("Microsoft.Storage/storageAccounts/tableServices/tables");

        Assert.Equal(expected.Order(), tables.Order());
    }

    [Fact]
    public void Queues_AreTheCodesDefaults_WithTheirPoisonTwins()
    {
        string[] expected =
        [
            Defaults.CallEventsQueue,
            StorageNames.PoisonQueueOf(Defaults.CallEventsQueue),
            Defaults.TranscriptionsQueue,
            StorageNames.PoisonQueueOf(Defaults.TranscriptionsQueue),
        ];

        var queues = LeafNames("Microsoft.Storage/storageAccounts/queueServices/queues");

        Assert.Equal(expected.Order(), queues.Order());
    }

    [Fact]
    public void Containers_HoldPayloadsAndTheDeploymentPackage_NeitherPublic()
    {
        var containers = _deployed.OfType("Microsoft.Storage/storageAccounts/blobServices/containers");

        Assert.Contains(containers, c => c.LeafName == Defaults.PayloadContainer);
        Assert.Contains(containers, c => c.LeafName.StartsWith("app-package-", StringComparison.Ordinal));
        Assert.All(containers, c => Assert.Equal("None", c.Properties["publicAccess"]!.GetValue<string>()));
        Assert.All(containers, c => Assert.StartsWith(_deployed.StorageAccount.Name + "/default/", c.Name, StringComparison.Ordinal));
    }

    [Fact]
    public void Lifecycle_DeletesOnlyIncomingPayloads_After30DaysByDefault()
    {
        var rule = SingleLifecycleRule(_deployed);

        Assert.True(rule["enabled"]!.GetValue<bool>());
        var prefixes = rule["definition"]!["filters"]!["prefixMatch"]!.AsArray().Select(p => p!.GetValue<string>());
        Assert.Equal([$"{Defaults.PayloadContainer}/{PayloadStore.IncomingPrefix}"], prefixes);
        Assert.Equal(30, DeleteAfterDays(rule));
    }

    [Fact]
    public void Lifecycle_FollowsPayloadRetentionDays()
    {
        var deployed = new Deployed(CompiledInfra.Deploy(("payloadRetentionDays", 7)));

        Assert.Equal(7, DeleteAfterDays(SingleLifecycleRule(deployed)));
    }

    [Fact]
    public void Everything_IsTaggedWithTheAzdEnvironment()
    {
        var taggable = _deployed.Resources.Where(r => r.Body.ContainsKey("location"));

        Assert.All(taggable, r => Assert.Equal(CompiledInfra.EnvironmentName, r.Tags["azd-env-name"]?.GetValue<string>()));
    }

    private IEnumerable<string> LeafNames(string type) => _deployed.OfType(type).Select(r => r.LeafName);

    private static JsonObject SingleLifecycleRule(Deployed deployed)
    {
        var policy = deployed.Single("Microsoft.Storage/storageAccounts/managementPolicies");
        return Assert.Single(policy.Properties["policy"]!["rules"]!.AsArray())!.AsObject();
    }

    private static long DeleteAfterDays(JsonObject rule) =>
        rule["definition"]!["actions"]!["baseBlob"]!["delete"]!["daysAfterModificationGreaterThan"]!.GetValue<long>();
}
