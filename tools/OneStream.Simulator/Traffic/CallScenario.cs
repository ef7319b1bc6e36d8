namespace OneStream.Simulator.Traffic;

/// <summary>The kinds of call the simulator places.</summary>
public enum CallScenario
{
    /// <summary>Through a queue: every agent rung at every poll, one answers, the call ends.</summary>
    QueueAnswered,

    /// <summary>As <see cref="QueueAnswered"/>, then transferred to another extension before it ends.</summary>
    QueueTransferred,

    /// <summary>Through a queue, rung for one or more polls; the caller hangs up while ringing (no CallEnd).</summary>
    QueueMissed,

    /// <summary>A direct number: one extension rings and answers.</summary>
    DirectAnswered,

    /// <summary>A direct number: one extension rings, nobody answers.</summary>
    DirectMissed,

    /// <summary>An extension dials out: CallConnected and CallEnd only, trunk detail in FromPhone.</summary>
    Outbound,
}
