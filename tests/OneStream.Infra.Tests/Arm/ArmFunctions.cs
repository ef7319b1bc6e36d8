using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace OneStream.Infra.Tests.Arm;

/// <summary>The ARM template functions Bicep emits for this repository's templates. Anything else fails loudly.</summary>
internal static partial class ArmFunctions
{
    public static JsonNode? Invoke(string name, IReadOnlyList<JsonNode?> args, IArmScope scope)
    {
        switch (name.ToLowerInvariant())
        {
            case "parameters":
                return scope.Parameter(ArmValues.AsString(args[0]));
            case "variables":
                return scope.Variable(ArmValues.AsString(args[0]));
            case "copyindex":
                return JsonValue.Create(scope.CopyIndex + (args.Count > 0 && ArmValues.IsNumber(args[^1]) ? ArmValues.AsLong(args[^1]) : 0L));
            case "format":
                return JsonValue.Create(Format(ArmValues.AsString(args[0]), args.Skip(1).ToList()));
            case "concat":
                return args.Count > 0 && args[0] is JsonArray
                    ? new JsonArray(args.SelectMany(a => ((JsonArray)a!).Select(e => e?.DeepClone())).ToArray())
                    : JsonValue.Create(string.Concat(args.Select(ArmValues.AsString)));
            case "if":
                return ArmValues.IsOpaque(args[0])
                    ? ArmValues.Opaque($"if({ArmValues.AsString(args[0])})")
                    : ArmValues.AsBool(args[0]) ? args[1] : args[2];
            case "not":
                return JsonValue.Create(!ArmValues.AsBool(args[0]));
            case "and":
                return JsonValue.Create(args.All(ArmValues.AsBool));
            case "or":
                return JsonValue.Create(args.Any(ArmValues.AsBool));
            case "equals":
                return JsonValue.Create(JsonNode.DeepEquals(args[0], args[1]));
            case "empty":
                return JsonValue.Create(ArmValues.IsEmpty(args[0]));
            case "length":
                return JsonValue.Create((long)(args[0] switch
                {
                    JsonArray array => array.Count,
                    JsonObject obj => obj.Count,
                    var other => ArmValues.AsString(other).Length,
                }));
            case "tolower":
                return JsonValue.Create(ArmValues.AsString(args[0]).ToLowerInvariant());
            case "toupper":
                return JsonValue.Create(ArmValues.AsString(args[0]).ToUpperInvariant());
            case "take":
                var count = (int)ArmValues.AsLong(args[1]);
                return args[0] is JsonArray list
                    ? new JsonArray(list.Take(count).Select(e => e?.DeepClone()).ToArray())
                    : JsonValue.Create(new string(ArmValues.AsString(args[0]).Take(count).ToArray()));
            case "string":
                return JsonValue.Create(ArmValues.AsString(args[0]));
            case "int":
                return JsonValue.Create(long.Parse(ArmValues.AsString(args[0]), CultureInfo.InvariantCulture));
            case "true":
                return JsonValue.Create(true);
            case "false":
                return JsonValue.Create(false);
            case "null":
                return null;
            case "createarray":
                return new JsonArray(args.Select(a => a?.DeepClone()).ToArray());
            case "createobject":
                var created = new JsonObject();
                for (var i = 0; i < args.Count; i += 2)
                {
                    created[ArmValues.AsString(args[i])] = args[i + 1]?.DeepClone();
                }

                return created;
            case "union":
                return Union(args);
            case "uniquestring":
                return JsonValue.Create(UniqueString(args));
            case "guid":
                return JsonValue.Create(new Guid(ArmValues.Hash(args)[..16]).ToString());
            case "subscription":
                return new JsonObject
                {
                    ["id"] = $"/subscriptions/{scope.SubscriptionId}",
                    ["subscriptionId"] = scope.SubscriptionId,
                    ["tenantId"] = ArmTemplate.TenantId,
                };
            case "tenant":
                return new JsonObject { ["tenantId"] = ArmTemplate.TenantId };
            case "resourcegroup":
                return new JsonObject
                {
                    ["name"] = scope.ResourceGroup,
                    ["id"] = ResourceGroupId(scope),
                };
            case "environment":
                return new JsonObject { ["suffixes"] = new JsonObject { ["storage"] = "core.windows.net" } };
            case "resourceid":
                return JsonValue.Create(ResourceId(ResourceGroupId(scope), args));
            case "subscriptionresourceid":
                return JsonValue.Create(ResourceId($"/subscriptions/{scope.SubscriptionId}", args));
            case "extensionresourceid":
                return JsonValue.Create(ResourceId(ArmValues.AsString(args[0]), args.Skip(1).ToList()));
            case "reference":
                var id = ArmValues.AsString(args[0]);
                return scope.ReferenceDeployment(id) ?? ArmValues.Opaque($"runtime {id}");
            default:
                throw new NotSupportedException($"The test's ARM evaluator does not know the function '{name}'. Add it to ArmFunctions.");
        }
    }

    private static string ResourceGroupId(IArmScope scope) => scope.ResourceGroup is null
        ? $"/subscriptions/{scope.SubscriptionId}"
        : $"/subscriptions/{scope.SubscriptionId}/resourceGroups/{scope.ResourceGroup}";

    /// <summary>resourceId('A/B/C', 'x', 'y', 'z') → {scope}/providers/A/B/x/C/y/... (ARM's interleaving of types and names).</summary>
    private static string ResourceId(string scope, IReadOnlyList<JsonNode?> args)
    {
        var type = ArmValues.AsString(args[0]).Split('/');
        var names = args.Skip(1).Select(ArmValues.AsString).ToList();
        var builder = new StringBuilder($"{scope}/providers/{type[0]}/{type[1]}/{names[0]}");
        for (var i = 2; i < type.Length; i++)
        {
            builder.Append('/').Append(type[i]).Append('/').Append(names[i - 1]);
        }

        return builder.ToString();
    }

    private static string Format(string template, IReadOnlyList<JsonNode?> args) =>
        PlaceholderPattern().Replace(template, m => ArmValues.AsString(args[int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)]));

    private static JsonNode? Union(IReadOnlyList<JsonNode?> args)
    {
        if (args.All(a => a is JsonObject))
        {
            var merged = new JsonObject();
            foreach (var obj in args.Cast<JsonObject>())
            {
                foreach (var (key, value) in obj)
                {
                    merged[key] = value?.DeepClone();
                }
            }

            return merged;
        }

        if (args.All(a => a is JsonArray))
        {
            var merged = new JsonArray();
            foreach (var element in args.Cast<JsonArray>().SelectMany(a => a))
            {
                if (!merged.Any(e => JsonNode.DeepEquals(e, element)))
                {
                    merged.Add(element?.DeepClone());
                }
            }

            return merged;
        }

        return ArmValues.Opaque($"union of {string.Join(", ", args.Select(ArmValues.AsString))}");
    }

    /// <summary>13 lower-case letters and digits, like ARM's uniqueString, but not its hash.</summary>
    private static string UniqueString(IReadOnlyList<JsonNode?> args)
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyz234567";
        var hash = ArmValues.Hash(args);
        return new string(hash.Take(13).Select(b => alphabet[b % alphabet.Length]).ToArray());
    }

    [GeneratedRegex(@"\{(\d+)(?::[^}]*)?\}")]
    private static partial Regex PlaceholderPattern();
}
