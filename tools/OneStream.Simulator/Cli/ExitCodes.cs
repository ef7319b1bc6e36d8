namespace OneStream.Simulator.Cli;

internal static class ExitCodes
{
    public const int Success = 0;
    public const int PostFailed = 1;
    public const int Usage = 2;
    public const int RowsMissing = 3;
}
