using OneStream.Simulator.Cli;

namespace OneStream.Simulator.Tests.Cli;

public sealed class SimulatorOptionsTests
{
    [Fact]
    public void TryParse_ReadsEveryOption()
    {
        string[] args =
        [
            "--url", "https://app.example.net/api/onestream/webhook?code=x", "--calls", "7", "--concurrency=3",
            "--duplicate-rate", "0.25", "--seed", "42", "--date", "2024-12-31", "--long-transcripts",
            "--storage", "UseDevelopmentStorage=true", "--wait", "5", "--dry-run",
        ];

        Assert.True(SimulatorOptions.TryParse(args, out var options, out var error), error);

        Assert.Equal("https://app.example.net/api/onestream/webhook?code=x", options.Url.ToString());
        Assert.Equal(7, options.Traffic.Calls);
        Assert.Equal(3, options.Concurrency);
        Assert.Equal(0.25, options.Traffic.DuplicateRate);
        Assert.Equal(42, options.Traffic.Seed);
        Assert.Equal(new DateOnly(2024, 12, 31), options.Traffic.Date);
        Assert.True(options.Traffic.LongTranscripts);
        Assert.Equal("UseDevelopmentStorage=true", options.Storage);
        Assert.Equal(TimeSpan.FromSeconds(5), options.Wait);
        Assert.True(options.DryRun);
    }

    [Fact]
    public void TryParse_GivesTheDefaults_WithoutArguments()
    {
        Assert.True(SimulatorOptions.TryParse([], out var options, out _));

        Assert.Equal(SimulatorOptions.DefaultUrl, options.Url);
        Assert.Equal(50, options.Traffic.Calls);
        Assert.Null(options.Storage);
        Assert.False(options.DryRun);
    }

    [Theory]
    [InlineData("--calls", "0")]
    [InlineData("--calls", "many")]
    [InlineData("--duplicate-rate", "2")]
    [InlineData("--date", "12/02/2025")]
    [InlineData("--url", "localhost:7071")]
    [InlineData("--wait")]
    [InlineData("--bogus")]
    public void TryParse_Fails_OnABadArgument(params string[] args)
    {
        Assert.False(SimulatorOptions.TryParse(args, out _, out var error));
        Assert.NotNull(error);
    }
}
