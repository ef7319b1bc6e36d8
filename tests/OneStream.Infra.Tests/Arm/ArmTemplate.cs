using System.Text.Json.Nodes;

namespace OneStream.Infra.Tests.Arm;

/// <summary>
/// A compiled ARM template "deployed" on paper: parameters bound, variables and loops expanded, conditions applied
/// and modules (nested deployments) followed, so a test sees each resource as Azure would be asked to create it.
/// </summary>
internal sealed class ArmTemplate : IArmScope
{
    public const string SubscriptionId = "00000000-0000-0000-0000-00000000c0de";
    public const string TenantId = "00000000-0000-0000-0000-00000000fade";
    private const string DeploymentsType = "Microsoft.Resources/deployments";

    private readonly JsonObject _template;
    private readonly IReadOnlyDictionary<string, JsonNode?> _suppliedParameters;
    private readonly Dictionary<string, JsonNode?> _parameters = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, JsonNode?> _variables = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lazy<Dictionary<string, Lazy<ArmTemplate>>> _modules;
    private readonly Lazy<IReadOnlyList<ArmResource>> _resources;
    private readonly Lazy<JsonObject> _outputs;

    private ArmTemplate(JsonObject template, IReadOnlyDictionary<string, JsonNode?> parameters, string? resourceGroup, string name)
    {
        _template = template;
        _suppliedParameters = parameters;
        ResourceGroup = resourceGroup;
        Name = name;
        _modules = new(IndexModules);
        _resources = new(ExpandResources);
        _outputs = new(EvaluateOutputs);
    }

    /// <summary>The deployment's name: "main" for the top level, the module's name below it.</summary>
    public string Name { get; }

    public string? ResourceGroup { get; }

    string IArmScope.SubscriptionId => SubscriptionId;

    int IArmScope.CopyIndex => throw new InvalidOperationException("copyIndex() outside a loop.");

    /// <summary>Resources this template declares (modules included as deployments), after loops and conditions.</summary>
    public IReadOnlyList<ArmResource> Resources => _resources.Value;

    /// <summary>Every resource of this template and of the modules under it.</summary>
    public IEnumerable<ArmResource> AllResources =>
        Resources.SelectMany(r => r.Module is null ? [r] : new[] { r }.Concat(r.Module.AllResources));

    public JsonObject Outputs => _outputs.Value;

    public JsonObject ParameterDefinitions => _template["parameters"] as JsonObject ?? [];

    public static ArmTemplate Load(string json, IReadOnlyDictionary<string, JsonNode?> parameters) =>
        new(
            (JsonObject)JsonNode.Parse(json)!,
            // Round-trip the values so they read like parsed JSON (an int given here reads back as a long).
            parameters.ToDictionary(p => p.Key, p => p.Value is null ? null : JsonNode.Parse(p.Value.ToJsonString()), StringComparer.OrdinalIgnoreCase),
            resourceGroup: null,
            name: "main");

    public JsonNode? Parameter(string name)
    {
        if (_parameters.TryGetValue(name, out var known))
        {
            return known?.DeepClone();
        }

        JsonNode? value;
        if (_suppliedParameters.TryGetValue(name, out var supplied))
        {
            value = supplied?.DeepClone();
        }
        else if (ParameterDefinitions[name] is JsonObject definition && definition.ContainsKey("defaultValue"))
        {
            value = Evaluate(definition["defaultValue"], this);
        }
        else
        {
            throw new InvalidOperationException($"Deployment '{Name}': parameter '{name}' has no value and no default.");
        }

        _parameters[name] = value;
        return value?.DeepClone();
    }

    public JsonNode? Variable(string name)
    {
        if (!_variables.TryGetValue(name, out var value))
        {
            var variables = _template["variables"] as JsonObject ?? [];
            if (!variables.ContainsKey(name))
            {
                throw new InvalidOperationException($"Deployment '{Name}': no variable '{name}'.");
            }

            value = Evaluate(variables[name], this);
            _variables[name] = value;
        }

        return value?.DeepClone();
    }

    public JsonNode? ReferenceDeployment(string resourceId)
    {
        var marker = $"/providers/{DeploymentsType}/";
        var at = resourceId.IndexOf(marker, StringComparison.OrdinalIgnoreCase);
        if (at < 0 || !_modules.Value.TryGetValue(resourceId[(at + marker.Length)..], out var module))
        {
            return null;
        }

        var outputs = new JsonObject();
        foreach (var (key, value) in module.Value.Outputs)
        {
            outputs[key] = new JsonObject { ["value"] = value?.DeepClone() };
        }

        return new JsonObject { ["outputs"] = outputs };
    }

    /// <summary>Evaluates every expression in a JSON tree (property names included).</summary>
    private static JsonNode? Evaluate(JsonNode? node, IArmScope scope) => node switch
    {
        JsonValue value when value.TryGetValue(out string? text) => ArmExpression.EvaluateString(text, scope),
        JsonObject obj => EvaluateObject(obj, scope, skip: []),
        JsonArray array => new JsonArray(array.Select(e => Evaluate(e, scope)).ToArray()),
        _ => node?.DeepClone(),
    };

    private static JsonObject EvaluateObject(JsonObject obj, IArmScope scope, IReadOnlyCollection<string> skip)
    {
        var result = new JsonObject();
        foreach (var (key, value) in obj)
        {
            if (skip.Contains(key))
            {
                continue;
            }

            if (key == "copy" && value is JsonArray)
            {
                throw new NotSupportedException("Property loops are not supported by the test's ARM evaluator.");
            }

            result[ArmValues.AsString(ArmExpression.EvaluateString(key, scope))] = Evaluate(value, scope);
        }

        return result;
    }

    private IEnumerable<JsonObject> RawResources() => _template["resources"] switch
    {
        JsonArray array => array.OfType<JsonObject>(),
        JsonObject symbolic => symbolic.Select(p => p.Value).OfType<JsonObject>(),
        _ => [],
    };

    private static bool IsExisting(JsonObject resource) => resource["existing"] is JsonValue v && v.TryGetValue(out bool b) && b;

    private Dictionary<string, Lazy<ArmTemplate>> IndexModules()
    {
        var modules = new Dictionary<string, Lazy<ArmTemplate>>(StringComparer.OrdinalIgnoreCase);
        foreach (var raw in RawResources().Where(r => ArmValues.AsString(r["type"]) == DeploymentsType && !IsExisting(r)))
        {
            if (raw.ContainsKey("copy"))
            {
                throw new NotSupportedException("Module loops are not supported by the test's ARM evaluator.");
            }

            var name = ArmValues.AsString(Evaluate(raw["name"], this));
            modules[name] = new Lazy<ArmTemplate>(() => CreateModule(raw, name));
        }

        return modules;
    }

    private ArmTemplate CreateModule(JsonObject raw, string name)
    {
        var properties = (JsonObject)raw["properties"]!;
        var parameters = new Dictionary<string, JsonNode?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in properties["parameters"] as JsonObject ?? [])
        {
            parameters[key] = Evaluate(value!["value"], this);
        }

        var resourceGroup = raw.ContainsKey("resourceGroup") ? ArmValues.AsString(Evaluate(raw["resourceGroup"], this)) : ResourceGroup;
        return new ArmTemplate((JsonObject)properties["template"]!, parameters, resourceGroup, name);
    }

    private IReadOnlyList<ArmResource> ExpandResources()
    {
        var resources = new List<ArmResource>();
        foreach (var raw in RawResources().Where(r => !IsExisting(r)))
        {
            var copy = raw["copy"] as JsonObject;
            var count = copy is null ? 1 : (int)ArmValues.AsLong(Evaluate(copy["count"], this));
            for (var i = 0; i < count; i++)
            {
                IArmScope scope = copy is null ? this : new LoopScope(this, i);
                if (raw.ContainsKey("condition") && !ArmValues.AsBool(Evaluate(raw["condition"], scope)))
                {
                    continue;
                }

                var type = ArmValues.AsString(raw["type"]);
                if (type == DeploymentsType)
                {
                    var body = EvaluateObject(raw, scope, skip: ["copy", "condition", "dependsOn", "properties"]);
                    var name = ArmValues.AsString(body["name"]);
                    resources.Add(new ArmResource(type, name, body, _modules.Value[name].Value));
                }
                else
                {
                    var body = EvaluateObject(raw, scope, skip: ["copy", "condition", "dependsOn"]);
                    resources.Add(new ArmResource(type, ArmValues.AsString(body["name"]), body, Module: null));
                }
            }
        }

        return resources;
    }

    private JsonObject EvaluateOutputs()
    {
        var outputs = new JsonObject();
        foreach (var (key, value) in _template["outputs"] as JsonObject ?? [])
        {
            outputs[key] = Evaluate(value!["value"], this);
        }

        return outputs;
    }

    private sealed class LoopScope(ArmTemplate template, int index) : IArmScope
    {
        public int CopyIndex => index;

        public string SubscriptionId => ArmTemplate.SubscriptionId;

        public string? ResourceGroup => template.ResourceGroup;

        public JsonNode? Parameter(string name) => template.Parameter(name);

        public JsonNode? Variable(string name) => template.Variable(name);

        public JsonNode? ReferenceDeployment(string resourceId) => template.ReferenceDeployment(resourceId);
    }
}

/// <summary>One resource after evaluation. <see cref="Module"/> is set for a nested deployment (a Bicep module).</summary>
internal sealed record ArmResource(string Type, string Name, JsonObject Body, ArmTemplate? Module)
{
    /// <summary>The last segment of the name: "OneStreamEvents" for "st…/default/OneStreamEvents".</summary>
    public string LeafName => Name[(Name.LastIndexOf('/') + 1)..];

    public JsonObject Properties => Body["properties"] as JsonObject ?? [];

    public JsonObject Tags => Body["tags"] as JsonObject ?? [];
}
