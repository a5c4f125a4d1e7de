import { WebSocket as MockWebSocket } from 'mock-socket';

/** The kernel id in a kernel channels URL (`…/api/kernels/<id>/channels?…`), if it is one. */
export function kernelIdOfUrl(url: string | URL): string | undefined {
  const match = /\/api\/kernels\/([^/?#]+)\/channels(?:[?#]|$)/.exec(String(url));
  return match ? decodeURIComponent(match[1]) : undefined;
}

/**
 * A WebSocket class for server settings shared by server and in-browser kernels: connections to an
 * in-browser kernel's channels go to the in-page mock socket server the lite kernel client runs for it,
 * every other connection is a real WebSocket.
 */
export function routingWebSocket(isBrowserKernel: (id: string) => boolean): typeof WebSocket {
  return new Proxy(WebSocket, {
    construct(target, args: [string | URL, (string | string[])?]) {
      const id = kernelIdOfUrl(args[0]);
      if (id !== undefined && isBrowserKernel(id)) {
        return new MockWebSocket(String(args[0]), args[1]) as unknown as WebSocket;
      }
      return new target(...args);
    },
  });
}
