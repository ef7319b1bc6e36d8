using Azure.Core;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Moq;
using OneStream.Ingest.Storage;

namespace OneStream.Ingest.Tests.Storage;

public sealed class StorageConnectionTests
{
    private static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();

    private static AzureComponentFactory Factory(out Mock<AzureComponentFactory> mock)
    {
        mock = new Mock<AzureComponentFactory>();
        mock.Setup(f => f.CreateTokenCredential(It.IsAny<IConfiguration>())).Returns(Mock.Of<TokenCredential>());
        return mock.Object;
    }

    [Fact]
    public void FromConfiguration_UsesTheServiceUris_WhenIdentityBased()
    {
        var settings = Settings(
            ("AzureWebJobsStorage:queueServiceUri", "https://acct.queue.core.windows.net"),
            ("AzureWebJobsStorage:blobServiceUri", "https://acct.blob.core.windows.net"),
            ("AzureWebJobsStorage:tableServiceUri", "https://acct.table.core.windows.net"),
            ("AzureWebJobsStorage:credential", "managedidentity"),
            ("AzureWebJobsStorage:clientId", "00000000-0000-0000-0000-000000000001"));

        var connection = StorageConnection.FromConfiguration(settings, Factory(out var factory));

        Assert.Equal("acct.queue.core.windows.net", connection.CreateQueueServiceClient().Uri.Host);
        Assert.Equal("acct.blob.core.windows.net", connection.CreateBlobServiceClient().Uri.Host);
        Assert.Equal("acct.table.core.windows.net", connection.CreateTableServiceClient().Uri.Host);
        // The credential settings (credential, clientId) are read from the same section.
        factory.Verify(f => f.CreateTokenCredential(It.Is<IConfiguration>(c => c["clientId"] == "00000000-0000-0000-0000-000000000001")), Times.Once);
    }

    [Fact]
    public void FromConfiguration_DerivesTheUris_WhenOnlyTheAccountNameIsSet()
    {
        var connection = StorageConnection.FromConfiguration(Settings(("AzureWebJobsStorage:accountName", "acct")), Factory(out _));

        Assert.Equal(new Uri("https://acct.table.core.windows.net/"), connection.CreateTableServiceClient().Uri);
    }

    [Fact]
    public void FromConfiguration_UsesTheConnectionString_WhenTheSettingIsOne()
    {
        var connection = StorageConnection.FromConfiguration(Settings(("AzureWebJobsStorage", "UseDevelopmentStorage=true")), Factory(out var factory));

        Assert.Equal(10001, connection.CreateQueueServiceClient().Uri.Port);
        factory.Verify(f => f.CreateTokenCredential(It.IsAny<IConfiguration>()), Times.Never);
    }

    [Fact]
    public void FromConfiguration_ExplainsWhatToSet_WhenTheSettingIsMissing()
    {
        var error = Assert.Throws<InvalidOperationException>(() => StorageConnection.FromConfiguration(Settings(), Factory(out _)));

        Assert.Contains("AzureWebJobsStorage__queueServiceUri", error.Message, StringComparison.Ordinal);
    }
}
