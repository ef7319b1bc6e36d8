using System.Net;
using System.Net.Sockets;

namespace OneStream.Simulator.Tests.Receivers;

/// <summary>A loopback port held bound but not listening, so connecting to it is refused at once.</summary>
internal sealed class ClosedPort : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

    public ClosedPort()
    {
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        Url = new Uri($"http://127.0.0.1:{((IPEndPoint)_socket.LocalEndPoint!).Port}/api/onestream/webhook");
    }

    public Uri Url { get; }

    public void Dispose() => _socket.Dispose();
}
