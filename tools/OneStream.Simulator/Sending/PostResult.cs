namespace OneStream.Simulator.Sending;

/// <summary>How one POST went: the status code it got, or the error that kept it from getting one.</summary>
public sealed record PostResult(int Sequence, int? StatusCode, TimeSpan Latency, string? Error)
{
    public bool Succeeded => StatusCode is >= 200 and < 300;

    /// <summary>The status code, or "error" when the POST got no answer.</summary>
    public string Outcome => StatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "error";
}
