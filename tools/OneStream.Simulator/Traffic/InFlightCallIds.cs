using System.Globalization;

namespace OneStream.Simulator.Traffic;

/// <summary>
/// Numbers calls the way the phone system does while they are in flight: a small counter that wraps, and that
/// starts over when the PBX service restarts. The simulated PBX restarts daily at 12:00 UTC, before a US
/// business day, so the same numbers come back on the same date many hours later.
/// </summary>
internal static class InFlightCallIds
{
    public const int First = 280;
    public const int Last = 400;

    /// <summary>The processor's default CallGap: events of one CallID further apart are different calls.</summary>
    public static readonly TimeSpan CallGap = TimeSpan.FromHours(6);

    private static readonly TimeSpan RestartTime = TimeSpan.FromHours(12);

    /// <summary>The CallID of each call, given in order of the calls' start.</summary>
    public static string[] Assign(IReadOnlyList<CallScript> callsByStart)
    {
        var ids = new string[callsByStart.Count];
        DateTime? lastRestart = null;
        var next = First;
        for (var i = 0; i < callsByStart.Count; i++)
        {
            var restart = LastRestartBefore(callsByStart[i].StartsAt);
            if (restart != lastRestart)
            {
                lastRestart = restart;
                next = First;
            }

            ids[i] = next.ToString(CultureInfo.InvariantCulture);
            next = next == Last ? First : next + 1;
        }

        EnsureReuseIsApart(callsByStart, ids);
        return ids;
    }

    private static DateTime LastRestartBefore(DateTime at) =>
        at.TimeOfDay >= RestartTime ? at.Date + RestartTime : at.Date.AddDays(-1) + RestartTime;

    /// <summary>A CallID reused within CallGap would merge two calls into one row; the plan must never do that.</summary>
    private static void EnsureReuseIsApart(IReadOnlyList<CallScript> callsByStart, string[] ids)
    {
        var lastEndById = new Dictionary<string, DateTime>();
        for (var i = 0; i < ids.Length; i++)
        {
            if (lastEndById.TryGetValue(ids[i], out var previousEnd) && callsByStart[i].StartsAt - previousEnd <= CallGap)
            {
                throw new InvalidOperationException(
                    $"CallID {ids[i]} would be reused within {CallGap} at {callsByStart[i].StartsAt:O}: too many calls per day.");
            }

            lastEndById[ids[i]] = callsByStart[i].EndsAt;
        }
    }
}
