using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OneStream.Infra.Tests.Arm;

/// <summary>
/// Parses and evaluates the subset of ARM template expressions that Bicep emits, so tests can assert on the values
/// a deployment would use rather than on expression text. What only Azure knows at deployment time (a resource's
/// runtime properties) evaluates to an opaque string <c>⟦…⟧</c> that names where the value comes from.
/// </summary>
internal static class ArmExpression
{
    public static bool IsExpression(string text) =>
        text.Length >= 2 && text[0] == '[' && text[^1] == ']' && !text.StartsWith("[[", StringComparison.Ordinal);

    /// <summary>Evaluates a JSON string value: an expression, an escaped literal ("[[…") or a plain string.</summary>
    public static JsonNode? EvaluateString(string text, IArmScope scope)
    {
        if (text.StartsWith("[[", StringComparison.Ordinal))
        {
            return JsonValue.Create(text[1..]);
        }

        if (!IsExpression(text))
        {
            return JsonValue.Create(text);
        }

        var parser = new Parser(text[1..^1]);
        var node = parser.ParseExpression();
        parser.ExpectEnd();
        return node.Evaluate(scope);
    }

    private abstract record Node
    {
        public abstract JsonNode? Evaluate(IArmScope scope);
    }

    private sealed record Literal(JsonNode? Value) : Node
    {
        public override JsonNode? Evaluate(IArmScope scope) => Value?.DeepClone();
    }

    private sealed record Call(string Name, IReadOnlyList<Node> Arguments) : Node
    {
        public override JsonNode? Evaluate(IArmScope scope) => ArmFunctions.Invoke(Name, Arguments.Select(a => a.Evaluate(scope)).ToList(), scope);
    }

    private sealed record Member(Node Target, string Name) : Node
    {
        public override JsonNode? Evaluate(IArmScope scope) => ArmValues.Property(Target.Evaluate(scope), Name);
    }

    private sealed record Index(Node Target, Node Key) : Node
    {
        public override JsonNode? Evaluate(IArmScope scope)
        {
            var target = Target.Evaluate(scope);
            var key = Key.Evaluate(scope);
            return ArmValues.IsNumber(key)
                ? ArmValues.Element(target, (int)ArmValues.AsLong(key))
                : ArmValues.Property(target, ArmValues.AsString(key));
        }
    }

    private sealed class Parser(string text)
    {
        private int _position;

        public Node ParseExpression()
        {
            SkipSpace();
            Node node;
            var c = Peek();
            if (c == '\'')
            {
                node = new Literal(JsonValue.Create(ReadString()));
            }
            else if (char.IsDigit(c) || c == '-')
            {
                node = new Literal(JsonValue.Create(ReadNumber()));
            }
            else
            {
                var name = ReadIdentifier();
                SkipSpace();
                if (Peek() != '(')
                {
                    node = name switch
                    {
                        "true" => new Literal(JsonValue.Create(true)),
                        "false" => new Literal(JsonValue.Create(false)),
                        "null" => new Literal(null),
                        _ => throw new FormatException($"Unexpected identifier '{name}' in '{text}'."),
                    };
                }
                else
                {
                    _position++;
                    var arguments = new List<Node>();
                    SkipSpace();
                    if (Peek() != ')')
                    {
                        while (true)
                        {
                            arguments.Add(ParseExpression());
                            SkipSpace();
                            if (Peek() == ',')
                            {
                                _position++;
                                continue;
                            }

                            break;
                        }
                    }

                    Expect(')');
                    node = new Call(name, arguments);
                }
            }

            while (true)
            {
                SkipSpace();
                if (Peek() == '.')
                {
                    _position++;
                    node = new Member(node, ReadIdentifier());
                }
                else if (Peek() == '[')
                {
                    _position++;
                    var key = ParseExpression();
                    SkipSpace();
                    Expect(']');
                    node = new Index(node, key);
                }
                else
                {
                    return node;
                }
            }
        }

        public void ExpectEnd()
        {
            SkipSpace();
            if (_position != text.Length)
            {
                throw new FormatException($"Unexpected '{text[_position..]}' in '{text}'.");
            }
        }

        private char Peek() => _position < text.Length ? text[_position] : '\0';

        private void SkipSpace()
        {
            while (_position < text.Length && char.IsWhiteSpace(text[_position]))
            {
                _position++;
            }
        }

        private void Expect(char c)
        {
            if (Peek() != c)
            {
                throw new FormatException($"Expected '{c}' at {_position} in '{text}'.");
            }

            _position++;
        }

        private string ReadIdentifier()
        {
            var start = _position;
            while (_position < text.Length && (char.IsLetterOrDigit(text[_position]) || text[_position] is '_' or '$'))
            {
                _position++;
            }

            return start == _position ? throw new FormatException($"Expected a name at {start} in '{text}'.") : text[start.._position];
        }

        private long ReadNumber()
        {
            var start = _position;
            _position++;
            while (_position < text.Length && char.IsDigit(text[_position]))
            {
                _position++;
            }

            return long.Parse(text[start.._position], CultureInfo.InvariantCulture);
        }

        private string ReadString()
        {
            var builder = new StringBuilder();
            _position++;
            while (true)
            {
                if (_position >= text.Length)
                {
                    throw new FormatException($"Unterminated string in '{text}'.");
                }

                var c = text[_position++];
                if (c == '\'')
                {
                    if (Peek() == '\'')
                    {
                        builder.Append('\'');
                        _position++;
                        continue;
                    }

                    return builder.ToString();
                }

                builder.Append(c);
            }
        }
    }
}

/// <summary>What an expression can look up: parameters, variables, the loop index, references and the deployment scope.</summary>
internal interface IArmScope
{
    JsonNode? Parameter(string name);

    JsonNode? Variable(string name);

    int CopyIndex { get; }

    string SubscriptionId { get; }

    /// <summary>The resource group the template deploys to, or null at subscription scope.</summary>
    string? ResourceGroup { get; }

    /// <summary>A module's outputs when <paramref name="resourceId"/> names a nested deployment, else null.</summary>
    JsonNode? ReferenceDeployment(string resourceId);
}

internal static class ArmValues
{
    public static bool IsOpaque(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue(out string? s) && s.StartsWith('⟦') && s.EndsWith('⟧');

    public static JsonNode Opaque(string description) => JsonValue.Create($"⟦{description}⟧");

    public static string AsString(JsonNode? node) => node switch
    {
        null => "",
        JsonValue value when value.TryGetValue(out string? s) => s,
        JsonValue value when value.TryGetValue(out bool b) => b ? "True" : "False",
        JsonValue value => value.ToJsonString(),
        _ => node.ToJsonString(),
    };

    public static bool AsBool(JsonNode? node) => node is JsonValue value && value.TryGetValue(out bool b)
        ? b
        : throw new InvalidOperationException($"Expected a boolean, got {node?.ToJsonString() ?? "null"}.");

    public static bool IsNumber(JsonNode? node) => node is JsonValue value && value.GetValueKind() == JsonValueKind.Number;

    public static long AsLong(JsonNode? node) => IsNumber(node)
        ? long.Parse(node!.ToJsonString(), CultureInfo.InvariantCulture)
        : throw new InvalidOperationException($"Expected an integer, got {node?.ToJsonString() ?? "null"}.");

    public static JsonNode? Property(JsonNode? target, string name)
    {
        if (IsOpaque(target))
        {
            var text = AsString(target);
            return Opaque($"{text[1..^1]}.{name}");
        }

        return target is JsonObject obj
            ? obj.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.DeepClone()
            : throw new InvalidOperationException($"Cannot read '{name}' of {target?.ToJsonString() ?? "null"}.");
    }

    public static JsonNode? Element(JsonNode? target, int index)
    {
        if (IsOpaque(target))
        {
            var text = AsString(target);
            return Opaque($"{text[1..^1]}[{index}]");
        }

        return target is JsonArray array
            ? array[index]?.DeepClone()
            : throw new InvalidOperationException($"Cannot index {target?.ToJsonString() ?? "null"}.");
    }

    public static bool IsEmpty(JsonNode? node) => node switch
    {
        null => true,
        JsonArray array => array.Count == 0,
        JsonObject obj => obj.Count == 0,
        JsonValue value when value.TryGetValue(out string? s) => s.Length == 0,
        _ => false,
    };

    /// <summary>A stand-in for uniqueString/guid: deterministic, and different for different inputs.</summary>
    public static byte[] Hash(IEnumerable<JsonNode?> arguments) =>
        SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("|", arguments.Select(AsString))));
}
