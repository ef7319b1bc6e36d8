using System.Diagnostics;

namespace OneStream.EndToEnd.Tests;

/// <summary>Waits for a condition by polling it, up to a bound: never a fixed sleep.</summary>
internal static class Eventually
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);

    /// <returns>How long it took.</returns>
    /// <exception cref="TimeoutException">The condition still did not hold after <paramref name="bound"/>.</exception>
    public static async Task<TimeSpan> HoldsAsync(Func<Task<bool>> condition, TimeSpan bound, Func<string> describe)
    {
        var started = Stopwatch.GetTimestamp();
        while (!await condition())
        {
            if (Stopwatch.GetElapsedTime(started) > bound)
            {
                throw new TimeoutException($"Still not true after {bound.TotalSeconds:0} s: {describe()}");
            }

            await Task.Delay(Poll);
        }

        return Stopwatch.GetElapsedTime(started);
    }
}
