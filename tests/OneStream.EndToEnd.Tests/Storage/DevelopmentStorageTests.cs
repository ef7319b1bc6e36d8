using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using OneStream.DevHost.Storage;

namespace OneStream.EndToEnd.Tests.Storage;

public sealed class DevelopmentStorageTests
{
    [Theory]
    [InlineData("UseDevelopmentStorage=true", true)]
    [InlineData(" usedevelopmentstorage=TRUE; ", true)]
    [InlineData("DefaultEndpointsProtocol=https;AccountName=contosocalls;AccountKey=a2V5", false)]
    public void IsSelected_OnlyForTheEmulatorShorthand(string value, bool expected) =>
        Assert.Equal(expected, DevelopmentStorage.IsSelected(Configuration(("AzureWebJobsStorage", value))));

    [Fact]
    public void IsUnset_WhenNothingIsSet() => Assert.True(DevelopmentStorage.IsUnset(Configuration()));

    [Fact]
    public void IsUnset_IsFalse_WhenOnlyIdentityBasedSettingsAreSet() =>
        Assert.False(DevelopmentStorage.IsUnset(Configuration(("AzureWebJobsStorage:accountName", "contosocalls"))));

    [Fact]
    public async Task ListeningAsync_FindsOnlyThePortsThatAcceptConnections()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var open = ((IPEndPoint)listener.LocalEndpoint).Port;
        // Bound but not listening: a connection is refused at once.
        using var bound = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        bound.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var closed = ((IPEndPoint)bound.LocalEndPoint!).Port;

        var listening = await DevelopmentStorage.ListeningAsync([open, closed], CancellationToken.None);

        Assert.Equal([open], listening);
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();
}
