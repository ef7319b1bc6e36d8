using Microsoft.Extensions.Configuration;
using OneStream.DevHost.Storage;

namespace OneStream.EndToEnd.Tests.Storage;

public sealed class StorageLocationTests
{
    private const string Key = "c2VjcmV0LWtleS10aGF0LW11c3QtbmV2ZXItYmUtcHJpbnRlZA==";

    [Theory]
    [InlineData("UseDevelopmentStorage=true", "the storage emulator at 127.0.0.1:10000-10002")]
    [InlineData("DefaultEndpointsProtocol=https;AccountName=contosocalls;AccountKey=" + Key + ";EndpointSuffix=core.windows.net", "account 'contosocalls'")]
    [InlineData("DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=" + Key + ";QueueEndpoint=http://127.0.0.1:41234/devstoreaccount1;", "the storage emulator at 127.0.0.1:41234")]
    [InlineData("QueueEndpoint=https://contosocalls.queue.core.windows.net;SharedAccessSignature=sv=2024&sig=" + Key, "contosocalls.queue.core.windows.net")]
    public void Describe_NamesTheAccountOrEndpoint_NeverTheKey_WhenAConnectionString(string connectionString, string expected)
    {
        var description = StorageLocation.Describe(Configuration(("AzureWebJobsStorage", connectionString)));

        Assert.Equal(expected, description);
        Assert.DoesNotContain(Key, description, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_NamesTheAccount_WhenIdentityBased()
    {
        var configuration = Configuration(("AzureWebJobsStorage:accountName", "contosocalls"), ("AzureWebJobsStorage:credential", "managedidentity"));

        Assert.Equal("account 'contosocalls' (identity-based)", StorageLocation.Describe(configuration));
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();
}
