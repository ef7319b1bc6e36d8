using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace OneStream.EndToEnd.Tests;

/// <summary>
/// Keeps what the DevHost logs, for assertions and for a failing test's output. Not FakeLogger: the WebJobs SDK
/// logs function results with a formatter that returns null, which FakeLogger refuses, and an exception from a
/// logger on the WebJobs executor's thread ends the process.
/// </summary>
internal sealed class LogCollector : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public override string ToString() =>
        string.Join(Environment.NewLine, _entries.Select(e => $"{e.Level} {e.Category}[{e.EventId}]: {e.Message} {e.Exception?.GetType().Name}"));

    public void Dispose()
    {
    }

    private sealed class Logger(LogCollector collector, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            collector._entries.Enqueue(new LogEntry(category, logLevel, eventId.Id, formatter(state, exception) ?? string.Empty, exception));
    }
}

internal sealed record LogEntry(string Category, LogLevel Level, int EventId, string Message, Exception? Exception);
