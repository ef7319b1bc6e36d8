using System.Text.Json.Nodes;
using OneStream.Infra.Tests.Arm;

namespace OneStream.Infra.Tests.Bicep;

/// <summary>Finds the resources the tests talk about in an evaluated template, failing clearly when one is missing.</summary>
internal sealed class Deployed(ArmTemplate template)
{
    public const string StorageAccountType = "Microsoft.Storage/storageAccounts";
    public const string IdentityType = "Microsoft.ManagedIdentity/userAssignedIdentities";
    public const string ApplicationInsightsType = "Microsoft.Insights/components";
    public const string SiteType = "Microsoft.Web/sites";
    public const string RoleAssignmentType = "Microsoft.Authorization/roleAssignments";

    public ArmTemplate Template { get; } = template;

    public IReadOnlyList<ArmResource> Resources { get; } = template.AllResources.ToList();

    public ArmResource StorageAccount => Single(StorageAccountType);

    public ArmResource Identity => Single(IdentityType);

    public ArmResource ApplicationInsights => Single(ApplicationInsightsType);

    public ArmResource Site => Single(SiteType);

    public JsonObject AppSettings => Single("Microsoft.Web/sites/config").Properties;

    public string ResourceGroup => Single("Microsoft.Resources/resourceGroups").Name;

    public IReadOnlyList<ArmResource> OfType(string type) =>
        Resources.Where(r => string.Equals(r.Type, type, StringComparison.OrdinalIgnoreCase)).ToList();

    public ArmResource Single(string type)
    {
        var matches = OfType(type);
        Assert.True(matches.Count == 1, $"Expected one {type}, found {matches.Count}.");
        return matches[0];
    }

    /// <summary>The resource id ARM gives a resource of this deployment's resource group.</summary>
    public string IdOf(ArmResource resource) =>
        $"/subscriptions/{ArmTemplate.SubscriptionId}/resourceGroups/{ResourceGroup}/providers/{resource.Type}/{resource.Name}";

    /// <summary>A value only Azure knows once the resource exists, e.g. RuntimeValue(identity, "clientId").</summary>
    public string RuntimeValue(ArmResource resource, string path) => $"⟦runtime {IdOf(resource)}.{path}⟧";

    public static string Text(JsonNode? node) => ArmValues.AsString(node);
}
