// How every local server of this repository listens and stops: on 127.0.0.1 only, closed with its connections.
import * as http from 'node:http';
import { AddressInfo } from 'node:net';

export interface LoopbackServer {
  readonly url: string;
  /** Stops listening and closes open (also kept-alive or hanging) connections. */
  close(): Promise<void>;
}

/** Starts `server` on 127.0.0.1 (`port` 0: any free port). */
export async function listenOnLoopback(server: http.Server, port = 0): Promise<LoopbackServer> {
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
