namespace OneStream.Simulator.Traffic;

/// <summary>
/// The simulated phone system: queues and their agents, direct lines, the trunk, and the outside numbers.
/// Outside numbers are in the 555-0100…555-0199 range reserved for fiction, under real area codes so that
/// libphonenumber takes them as valid US numbers (555-555-01xx is only "possible").
/// </summary>
internal static class CallCentre
{
    /// <summary>The trunk detail string of the vendor's examples; ToPhone for inbound, FromPhone for outbound.</summary>
    public const string Trunk = "Wexternalline.70: 10003 on Wprovider.3: gw.siptrunk.com:0 - siptrunk.com (-5)";

    public static readonly IReadOnlyList<CallQueue> Queues =
    [
        new("Sales", ["101", "102", "103"]),
        new("Support", ["201", "202", "203", "204"]),
        new("Billing", ["301", "302"]),
    ];

    /// <summary>Extensions reached on their own direct number, without a queue.</summary>
    public static readonly IReadOnlyList<string> DirectLines = ["110", "111", "120"];

    /// <summary>Where answered calls get transferred to: agents of any queue and the supervisor.</summary>
    public static readonly IReadOnlyList<string> TransferTargets =
        [.. Queues.SelectMany(queue => queue.Agents), "400"];

    /// <summary>Everyone who places outbound calls.</summary>
    public static readonly IReadOnlyList<string> Dialers = [.. Queues.SelectMany(queue => queue.Agents), .. DirectLines];

    /// <summary>What the carrier sends as caller name when it has one (most calls have none: null).</summary>
    public static readonly IReadOnlyList<string> CallerNames =
        ["WIRELESS CALLER", "CONTOSO LTD", "FABRIKAM INC", "NORTHWIND TRADE", "ADVENTURE WORKS"];

    private static readonly IReadOnlyList<string> AreaCodes = ["202", "212", "312", "415", "617", "713"];

    /// <summary>A national number as dialled on the PBX, ten digits without +1.</summary>
    public static string NationalNumber(Random random) =>
        $"{AreaCodes[random.Next(AreaCodes.Count)]}55501{random.Next(100):00}";

    /// <summary>The E.164 form of a national number (US default region).</summary>
    public static string E164(string nationalNumber) => "+1" + nationalNumber;
}

internal sealed record CallQueue(string Name, IReadOnlyList<string> Agents);
