using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using OneStream.DevHost.Triggers;
using OneStream.Ingest.Storage;

namespace OneStream.EndToEnd.Tests.Triggers;

public sealed class SettingsNameResolverTests
{
    [Fact]
    public void Resolve_ReadsTheSetting_WhenOneIsGiven()
    {
        var resolver = Resolver(("OneStream:Storage:CallEventsQueue", "dev-call-events"));

        Assert.Equal("dev-call-events", resolver.Resolve("OneStream:Storage:CallEventsQueue"));
    }

    [Fact]
    public void Resolve_FallsBackToTheCodesDefaultStorageName_WhenNoSettingGivesIt()
    {
        var resolver = Resolver();

        Assert.Equal(new StorageNames().CallEventsQueue, resolver.Resolve("OneStream:Storage:CallEventsQueue"));
        Assert.Equal(new StorageNames().TranscriptionsQueue, resolver.Resolve("OneStream:Storage:TranscriptionsQueue"));
    }

    [Theory]
    [InlineData("OneStream:Storage:NoSuchName")]
    [InlineData("OneStream:Calls:MissedSweepSchedule")]
    [InlineData("Unrelated")]
    public void Resolve_ReturnsNull_ForAnythingElseNotSet(string name) => Assert.Null(Resolver().Resolve(name));

    private static SettingsNameResolver Resolver(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        var names = new StorageNames();
        configuration.GetSection(StorageNames.SectionName).Bind(names);
        return new SettingsNameResolver(configuration, Options.Create(names));
    }
}
