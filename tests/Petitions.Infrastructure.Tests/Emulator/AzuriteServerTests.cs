using System.Net.Sockets;
using Petitions.TestKit;

namespace Petitions.Infrastructure.Tests.Emulator;

public sealed class AzuriteServerTests
{
    [Fact]
    public void The_shared_emulator_listens_on_three_distinct_ports()
    {
        var server = AzuriteServer.Shared;

        Assert.Equal(3, new[] { server.BlobPort, server.QueuePort, server.TablePort }.Distinct().Count());
        foreach (var port in new[] { server.BlobPort, server.QueuePort, server.TablePort })
        {
            using var client = new TcpClient();
            client.Connect("127.0.0.1", port);
            Assert.True(client.Connected);
        }

        Assert.Contains($"TableEndpoint=http://127.0.0.1:{server.TablePort}/devstoreaccount1", server.ConnectionString, StringComparison.Ordinal);
    }
}
