// A TCP proxy a test controls, between a server and its database: `cut()` drops every connection through it and
// refuses new ones (the database "goes away"), `restore()` accepts them again on the same port.
import net from 'node:net';

/** A running proxy: its port, how many connections it has carried, and the switches. */
export type TcpProxy = {
  port: number;
  /** Connections accepted so far. */
  accepted: () => number;
  /** Destroys every open connection (both sides) and stops listening. */
  cut: () => Promise<void>;
  /** Listens again on the same port. */
  restore: () => Promise<void>;
  close: () => Promise<void>;
};

/** Starts a proxy on 127.0.0.1 (a free port) to `target`. */
export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const open = new Set<net.Socket>();
  let accepted = 0;
  const server = net.createServer((client) => {
    accepted++;
    const upstream = net.connect(target.port, target.host);
    for (const s of [client, upstream]) {
      open.add(s);
      s.on('close', () => open.delete(s));
      s.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream);
    upstream.pipe(client);
  });
  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port));
    });
  const port = await listen(0);
  const stop = () =>
    new Promise<void>((resolve) => {
      for (const s of open) s.destroy();
      open.clear();
      if (server.listening) server.close(() => resolve());
      else resolve();
    });
  return {
    port,
    accepted: () => accepted,
    cut: stop,
    restore: async () => {
      await listen(port);
    },
    close: stop,
  };
}
