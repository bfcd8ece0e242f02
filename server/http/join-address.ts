// Where students can reach this server: the addresses a teacher can show and
// encode in the join QR code. A teacher usually opens the console at
// `localhost`, which students' devices cannot reach; the pages ask this
// endpoint instead. JOIN_URL (a reverse proxy's or a school's public address)
// wins over everything; otherwise each IPv4 address of the machine's network
// interfaces, school-network (private) ranges first, virtual bridges (Docker,
// VMs) last, loopback and link-local (169.254.*) never.
import { networkInterfaces, type NetworkInterfaceInfo } from "node:os";
import type { JoinAddressResponse } from "../../shared/protocol/http.js";

/** Interface names of virtual machines and containers: reachable from this machine only, usually. */
const VIRTUAL = /^(docker|br-|veth|virbr|vmnet|vboxnet|lxc|lxd|cni|flannel|tailscale|utun|zt)/i;

/** RFC 1918 private ranges: what a school network hands out. */
function isPrivate(ip: string): boolean {
  const [a = 0, b = 0] = ip.split(".").map(Number);
  return a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168);
}

function rank(name: string, ip: string): number {
  if (VIRTUAL.test(name)) return 2;
  return isPrivate(ip) ? 0 : 1;
}

/**
 * The join addresses of a server listening on `hostname`:`port`, best first.
 * `interfaces`: os.networkInterfaces()'s shape (injected by tests). `joinUrl`: JOIN_URL, if set (then it is the only one).
 * A server bound to loopback only (HOSTNAME_BIND=127.0.0.1) has none: nothing outside this machine reaches it.
 */
export function joinAddresses(
  port: number,
  hostname: string,
  joinUrl?: string,
  interfaces: NodeJS.Dict<NetworkInterfaceInfo[]> = networkInterfaces(),
): JoinAddressResponse {
  if (joinUrl) return { addresses: [{ url: joinUrl.replace(/\/+$/, ""), label: "Configured (JOIN_URL)" }], configured: true, loopbackOnly: false };
  const loopbackOnly = hostname === "127.0.0.1" || hostname === "localhost" || hostname === "::1";
  if (loopbackOnly) return { addresses: [], configured: false, loopbackOnly: true };
  const found: { url: string; label: string; rank: number }[] = [];
  for (const [name, infos] of Object.entries(interfaces)) {
    for (const info of infos ?? []) {
      if (info.family !== "IPv4" || info.internal || info.address.startsWith("169.254.")) continue;
      if (hostname !== "0.0.0.0" && hostname !== "::" && hostname !== info.address) continue;
      found.push({ url: `http://${info.address}:${port}`, label: `${name} (${info.address})`, rank: rank(name, info.address) });
    }
  }
  found.sort((x, y) => x.rank - y.rank);
  return { addresses: found.map(({ url, label }) => ({ url, label })), configured: false, loopbackOnly: false };
}
