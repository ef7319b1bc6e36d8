using System.Text;

namespace OneStream.Simulator.Traffic;

/// <summary>
/// Writes call-centre conversation text of a chosen length, sentence by sentence, the way the transcription
/// provider delivers it: one paragraph with a leading space, no speaker labels.
/// </summary>
internal static class TranscriptWriter
{
    /// <summary>About how many characters one second of conversation turns into.</summary>
    public const int CharactersPerSecond = 14;

    private static readonly string[] Openings =
    [
        "Thank you for calling, this is Dana speaking, how can I help you today?",
        "Hi, thanks for holding, my name is Sam, what can I do for you?",
        "Good afternoon, you've reached the support team, this is Alex.",
        "Hello, thanks for calling back, I have your ticket right here.",
    ];

    private static readonly string[] Subjects =
        ["my last invoice", "the order I placed on Monday", "the replacement part", "my account login", "the delivery date", "the renewal quote", "the service visit"];

    private static readonly string[] CallerLines =
    [
        "Yes, hi, I'm calling about {0}.",
        "I had a question about {0}, it still hasn't been sorted out.",
        "Somebody told me last week that {0} would be taken care of.",
        "I just want to confirm {0} before the end of the month.",
        "Could you check what happened with {0}?",
        "I think there might be a mistake with {0}.",
    ];

    private static readonly string[] AgentLines =
    [
        "Sure, let me pull that up for you, one moment please.",
        "Okay, I can see {0} on the account now.",
        "Could you confirm the name on the account for me?",
        "Thanks, and what's the best email to send the confirmation to?",
        "I'm going to put a note on {0} so the team can follow up.",
        "It looks like {0} was updated this morning.",
        "I understand, I'd be frustrated too, let's get it fixed.",
        "Let me check with my supervisor, I'll be right back.",
        "Alright, I've sent that over, you should have it in a few minutes.",
        "Is there anything else I can help you with today?",
    ];

    private static readonly string[] ShortLines =
        ["Okay.", "Sure.", "Mm-hmm.", "Right.", "Yes, that's correct.", "No problem.", "Great, thank you.", "Got it.", "One second."];

    private static readonly string[] Closings =
        ["Thanks so much for your help.", "Perfect, have a great day.", "Thank you for calling, goodbye.", "Bye now."];

    /// <summary>A transcript of at least <paramref name="length"/> characters, ending on a whole sentence.</summary>
    public static string Write(Random random, int length)
    {
        var text = new StringBuilder(length + 200);
        Append(text, Pick(random, Openings));
        while (text.Length < length)
        {
            var subject = Pick(random, Subjects);
            var line = random.Next(4) switch
            {
                0 => string.Format(null, Pick(random, CallerLines), subject),
                1 => Pick(random, ShortLines),
                _ => string.Format(null, Pick(random, AgentLines), subject),
            };
            Append(text, line);
            if (text.Length >= length - 40 && random.Next(3) == 0)
            {
                Append(text, Pick(random, Closings));
            }
        }

        return text.ToString();
    }

    private static void Append(StringBuilder text, string sentence) => text.Append(' ').Append(sentence);

    private static string Pick(Random random, string[] choices) => choices[random.Next(choices.Length)];
}
