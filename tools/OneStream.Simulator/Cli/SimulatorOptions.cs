using System.Globalization;
using OneStream.Simulator.Traffic;

namespace OneStream.Simulator.Cli;

/// <summary>The command line, read into settings. Plain parsing: a handful of options needs no framework.</summary>
internal sealed record SimulatorOptions
{
    public static readonly Uri DefaultUrl = new("http://localhost:7071/api/onestream/webhook");

    public Uri Url { get; init; } = DefaultUrl;

    public TrafficOptions Traffic { get; init; } = new();

    public int Concurrency { get; init; } = 8;

    /// <summary>A connection string, or a table service URL to reach with an Azure identity.</summary>
    public string? Storage { get; init; }

    public TimeSpan Wait { get; init; } = TimeSpan.FromSeconds(60);

    public bool DryRun { get; init; }

    public bool Help { get; init; }

    public const string HelpText = """
        Sends realistic 1stream webhook traffic to a receiver and reports how it answered.

        Usage: dotnet run --project tools/OneStream.Simulator -- [options]

        Options:
          --url URL               Receiver URL; a deployed one with its ?code=... (never printed).
                                  Default: http://localhost:7071/api/onestream/webhook
          --calls N               Calls to place (each is several events). Default: 50
          --concurrency N         POSTs in flight at once. Default: 8
          --duplicate-rate R      Share of events sent again as byte-identical retries, 0..1. Default: 0.05
          --seed N                Seed of the traffic: the same seed sends the same bytes. Default: 1
          --date yyyy-MM-dd       First day of traffic (UTC), 100 calls a day. Use a past day: calls that
                                  never connect are expected as Missed. Default: 2025-02-12
          --long-transcripts      Add transcripts over 48 KiB, one of about 300,000 characters.
          --storage CONNECTION    Storage to count the rows in (OneStreamCalls, OneStreamTranscriptions):
                                  a connection string such as UseDevelopmentStorage=true, or a table
                                  service URL (https://ACCOUNT.table.core.windows.net) reached with your
                                  Azure identity.
          --wait SECONDS          How long to wait for the rows to appear. Default: 60
          --dry-run               Print the POST bodies as JSON lines to stdout and send nothing.
          -h, --help              Show this text.

        Progress goes to stderr, the summary to stdout.
        Exit codes: 0 all answered 2xx (and all rows found), 1 a POST failed, 2 bad options,
        3 rows missing after --wait or storage unreadable.
        """;

    public static bool TryParse(IReadOnlyList<string> args, out SimulatorOptions options, out string? error)
    {
        options = new SimulatorOptions();
        error = null;
        var traffic = options.Traffic;
        for (var i = 0; i < args.Count; i++)
        {
            var (name, inlineValue) = args[i].IndexOf('=', StringComparison.Ordinal) is var at and > 0 && args[i].StartsWith("--", StringComparison.Ordinal)
                ? (args[i][..at], args[i][(at + 1)..])
                : (args[i], null);
            string Value()
            {
                if (inlineValue is not null)
                {
                    return inlineValue;
                }

                if (i + 1 >= args.Count)
                {
                    throw new FormatException($"{name} needs a value.");
                }

                return args[++i];
            }

            try
            {
                switch (name)
                {
                    case "-h" or "--help" or "-?":
                        options = options with { Help = true };
                        break;
                    case "--url":
                        options = options with { Url = ParseUrl(Value()) };
                        break;
                    case "--calls":
                        traffic = traffic with { Calls = ParseInt(name, Value(), 1, 100_000) };
                        break;
                    case "--concurrency":
                        options = options with { Concurrency = ParseInt(name, Value(), 1, 512) };
                        break;
                    case "--duplicate-rate":
                        traffic = traffic with { DuplicateRate = ParseRate(name, Value()) };
                        break;
                    case "--seed":
                        traffic = traffic with { Seed = ParseInt(name, Value(), int.MinValue, int.MaxValue) };
                        break;
                    case "--date":
                        traffic = traffic with { Date = ParseDate(name, Value()) };
                        break;
                    case "--long-transcripts":
                        traffic = traffic with { LongTranscripts = true };
                        break;
                    case "--storage":
                        options = options with { Storage = Value() };
                        break;
                    case "--wait":
                        options = options with { Wait = TimeSpan.FromSeconds(ParseInt(name, Value(), 0, 3600)) };
                        break;
                    case "--dry-run":
                        options = options with { DryRun = true };
                        break;
                    // A stray argument may be a URL with its key: never echo it.
                    default:
                        throw new FormatException(name.StartsWith('-') && !name.Contains('?', StringComparison.Ordinal)
                            ? $"Unknown option {name}."
                            : "Unexpected argument: options start with --.");
                }
            }
            catch (FormatException exception)
            {
                error = exception.Message;
                return false;
            }
        }

        options = options with { Traffic = traffic };
        return true;
    }

    private static Uri ParseUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
            ? url
            : throw new FormatException("--url must be an absolute http or https URL.");

    private static int ParseInt(string name, string text, int min, int max) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new FormatException($"{name} must be a whole number from {min} to {max}.");

    private static double ParseRate(string name, string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value is >= 0 and <= 1
            ? value
            : throw new FormatException($"{name} must be a number from 0 to 1.");

    private static DateOnly ParseDate(string name, string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)
            ? value
            : throw new FormatException($"{name} must be a date written yyyy-MM-dd.");
}
