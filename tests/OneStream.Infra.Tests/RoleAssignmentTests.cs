using OneStream.Infra.Tests.Arm;
using OneStream.Infra.Tests.Bicep;

namespace OneStream.Infra.Tests;

/// <summary>The app's identity, and the deploying user when given, hold exactly the roles they need.</summary>
public sealed class RoleAssignmentTests
{
    private const string StorageBlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    private const string StorageQueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    private const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    private const string MonitoringMetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";
    private const string UserObjectId = "11111111-2222-3333-4444-555555555555";

    private static readonly string[] StorageDataRoles = [StorageBlobDataOwner, StorageQueueDataContributor, StorageTableDataContributor];

    [Fact]
    public void Identity_HoldsTheStorageDataRoles_OnTheAccount()
    {
        var deployed = new Deployed(CompiledInfra.Deploy());
        var identity = deployed.RuntimeValue(deployed.Identity, "principalId");

        var assignments = Assignments(deployed).Where(a => a.PrincipalId == identity && a.Scope == StorageScope(deployed)).ToList();

        Assert.Equal(StorageDataRoles.Order(), assignments.Select(a => a.RoleId).Order());
        Assert.All(assignments, a => Assert.Equal("ServicePrincipal", a.PrincipalType));
    }

    [Fact]
    public void Identity_MayPublishTelemetry_ToApplicationInsights()
    {
        var deployed = new Deployed(CompiledInfra.Deploy());
        var identity = deployed.RuntimeValue(deployed.Identity, "principalId");

        var assignment = Assert.Single(Assignments(deployed), a => a.RoleId == MonitoringMetricsPublisher);

        Assert.Equal(identity, assignment.PrincipalId);
        Assert.Equal(deployed.IdOf(deployed.ApplicationInsights), assignment.Scope);
    }

    [Fact]
    public void NoOneElse_HoldsARole_WhenPrincipalIdIsEmpty()
    {
        var deployed = new Deployed(CompiledInfra.Deploy());
        var identity = deployed.RuntimeValue(deployed.Identity, "principalId");

        Assert.All(Assignments(deployed), a => Assert.Equal(identity, a.PrincipalId));
        Assert.Equal(4, Assignments(deployed).Count);
    }

    [Fact]
    public void Principal_HoldsTheStorageDataRoles_WhenGiven()
    {
        var deployed = new Deployed(CompiledInfra.Deploy(("principalId", UserObjectId)));

        var assignments = Assignments(deployed).Where(a => a.PrincipalId == UserObjectId).ToList();

        Assert.Equal(StorageDataRoles.Order(), assignments.Select(a => a.RoleId).Order());
        Assert.All(assignments, a => Assert.Equal("User", a.PrincipalType));
        Assert.All(assignments, a => Assert.Equal(StorageScope(deployed), a.Scope));
    }

    [Fact]
    public void Principal_TakesItsType_FromPrincipalType()
    {
        var deployed = new Deployed(CompiledInfra.Deploy(("principalId", UserObjectId), ("principalType", "Group")));

        Assert.All(Assignments(deployed).Where(a => a.PrincipalId == UserObjectId), a => Assert.Equal("Group", a.PrincipalType));
    }

    [Fact]
    public void AssignmentNames_AreUniqueGuids()
    {
        var deployed = new Deployed(CompiledInfra.Deploy(("principalId", UserObjectId)));

        var names = deployed.OfType(Deployed.RoleAssignmentType).Select(a => a.Name).ToList();

        Assert.All(names, n => Assert.True(Guid.TryParse(n, out _), n));
        Assert.Equal(names.Count, names.Distinct().Count());
    }

    private static string StorageScope(Deployed deployed) => deployed.IdOf(deployed.StorageAccount);

    private static List<Assignment> Assignments(Deployed deployed) => deployed.OfType(Deployed.RoleAssignmentType)
        .Select(r => new Assignment(
            Deployed.Text(r.Body["scope"]),
            Deployed.Text(r.Properties["principalId"]),
            Deployed.Text(r.Properties["principalType"]),
            RoleGuid(Deployed.Text(r.Properties["roleDefinitionId"]))))
        .ToList();

    private static string RoleGuid(string roleDefinitionId)
    {
        var prefix = $"/subscriptions/{ArmTemplate.SubscriptionId}/providers/Microsoft.Authorization/roleDefinitions/";
        Assert.StartsWith(prefix, roleDefinitionId, StringComparison.Ordinal);
        return roleDefinitionId[prefix.Length..];
    }

    private sealed record Assignment(string Scope, string PrincipalId, string PrincipalType, string RoleId);
}
