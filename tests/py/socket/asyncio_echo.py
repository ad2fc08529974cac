# gcstress: 50
# asyncio over real sockets: start_server/open_connection on 127.0.0.1 and on a unix socket,
# low-level loop.sock_* calls, a subprocess transport, and asyncio.run's clean-up.
import asyncio
import os
import socket
import tempfile

async def handle(reader, writer):
    while line := await reader.readline():
        writer.write(line.upper())
        await writer.drain()
    writer.close()
    await writer.wait_closed()

async def client(reader, writer, lines):
    for line in lines:
        writer.write(line)
        await writer.drain()
        print(await reader.readline())
    writer.close()
    await writer.wait_closed()

async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    async with server:
        clients = [client(*await asyncio.open_connection("127.0.0.1", port), [f"x{i}\n".encode(), f"y{i}\n".encode()])
                   for i in range(3)]
        await asyncio.gather(*clients)
    print("tcp server closed", server.is_serving())

    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "sock")
        userver = await asyncio.start_unix_server(handle, path)
        async with userver:
            await client(*await asyncio.open_unix_connection(path), [b"unix\n"])

    loop = asyncio.get_running_loop()
    a, b = socket.socketpair()
    a.setblocking(False)
    b.setblocking(False)
    await loop.sock_sendall(a, b"low level")
    print(await loop.sock_recv(b, 100))
    a.close()
    b.close()

    proc = await asyncio.create_subprocess_exec(
        "cat", stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE)
    out, _ = await proc.communicate(b"through cat")
    print(out, proc.returncode)
    try:
        await asyncio.wait_for(asyncio.sleep(10), 0.05)
    except asyncio.TimeoutError:
        print("wait_for timed out")

asyncio.run(main())
print("done")
