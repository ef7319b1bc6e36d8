using OneStream.Testing;

namespace OneStream.EndToEnd.Tests;

/// <summary>One Azurite for every test here; each test starts its own DevHost with its own storage names.</summary>
[CollectionDefinition(Name)]
public sealed class DevHostCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "DevHost on Azurite";
}
