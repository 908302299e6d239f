/**
 * Which Host names this server answers for and which browser origins may use it, both from PUBLIC_URL.
 *
 * A Host allowlist defeats DNS rebinding: a page on `evil.example` whose name is re-pointed at 127.0.0.1 reaches
 * a loopback install with `Host: evil.example`. So only PUBLIC_URL's host name is answered, plus, when PUBLIC_URL
 * is itself on loopback, the other loopback names (`localhost`, `127.x.y.z`, `[::1]`), which no outside DNS can
 * claim. Origins are stricter: same scheme and port too, since another local port is another site's page.
 */

const LOOPBACK_NAMES = new Set(['localhost', '[::1]', '::1']);

export function isLoopbackHostname(hostname: string): boolean {
  const h = hostname.toLowerCase();
  return LOOPBACK_NAMES.has(h) || /^127(\.\d{1,3}){3}$/.test(h);
}

/** The host name of a Host header (`name`, `name:port`, `[v6]:port`), lower-cased; null when malformed. */
export function hostnameOf(hostHeader: string | undefined): string | null {
  if (!hostHeader || hostHeader.length > 300) return null;
  const m = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::\d{1,5})?$/i.exec(hostHeader.trim());
  return m ? m[1]!.toLowerCase() : null;
}

export interface WebOriginPolicy {
  /** Whether a request with this Host header is for us. */
  hostAllowed(hostHeader: string | undefined): boolean;
  /** Whether a browser page of this origin is ours (the desk, the messenger iframe, the portal). */
  originAllowed(origin: string): boolean;
  /** PUBLIC_URL's origin, with the real port when it was configured as 0. */
  publicOrigin(): string;
}

/**
 * @param publicUrl PUBLIC_URL
 * @param extraHosts ALLOWED_HOSTS: more host names the server answers for (not origins)
 * @param listeningPort the port actually listened on, for PUBLIC_URL's port 0 (tests)
 */
export function webOriginPolicy(publicUrl: string, extraHosts: string[], listeningPort: () => number | undefined): WebOriginPolicy {
  const url = new URL(publicUrl);
  const publicHost = url.hostname.toLowerCase();
  const loopback = isLoopbackHostname(publicHost);
  const hosts = new Set([publicHost, ...extraHosts.map((h) => h.toLowerCase())]);
  const portOf = () => {
    const configured = url.port || (url.protocol === 'https:' ? '443' : '80');
    return configured === '0' ? String(listeningPort() ?? 0) : configured;
  };
  const publicOrigin = () => {
    const port = portOf();
    const defaultPort = url.protocol === 'https:' ? '443' : '80';
    return `${url.protocol}//${url.host.replace(/:\d+$/, '')}${port === defaultPort ? '' : `:${port}`}`;
  };
  return {
    hostAllowed(hostHeader) {
      const name = hostnameOf(hostHeader);
      if (!name) return false;
      return hosts.has(name) || (loopback && isLoopbackHostname(name));
    },
    originAllowed(origin) {
      if (origin === publicOrigin()) return true;
      if (!loopback) return false;
      let o: URL;
      try {
        o = new URL(origin);
      } catch {
        return false;
      }
      const port = o.port || (o.protocol === 'https:' ? '443' : '80');
      return o.protocol === url.protocol && port === portOf() && isLoopbackHostname(o.hostname) && o.origin === origin;
    },
    publicOrigin,
  };
}

/**
 * A socket.io handshake is a browser's when it carries Origin (websocket upgrades always do): then it must be
 * one of our pages. Without Origin it is a same-origin polling request or not a browser at all.
 */
export function handshakeAllowed(origins: WebOriginPolicy, headers: { host?: string | undefined; origin?: string | undefined }): boolean {
  if (!origins.hostAllowed(headers.host)) return false;
  return headers.origin === undefined || origins.originAllowed(headers.origin);
}
