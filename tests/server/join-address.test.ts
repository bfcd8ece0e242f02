// Which addresses the pages offer students (server/http/join-address.ts), from
// a machine's network interfaces: school-network addresses first, virtual
// bridges last, never loopback or link-local; JOIN_URL alone when set; none
// when the server listens on this machine only.
import type { NetworkInterfaceInfo } from "node:os";
import { describe, expect, it } from "vitest";
import { configFromEnv } from "../../server/config.js";
import { joinAddresses } from "../../server/http/join-address.js";

const v4 = (address: string, internal = false): NetworkInterfaceInfo => ({ address, family: "IPv4", internal, netmask: "255.255.255.0", mac: "00:00:00:00:00:00", cidr: `${address}/24` });
const v6 = (address: string): NetworkInterfaceInfo => ({ address, family: "IPv6", internal: false, netmask: "ffff:ffff:ffff:ffff::", mac: "00:00:00:00:00:00", cidr: `${address}/64`, scopeid: 0 });

const laptop = {
  lo: [v4("127.0.0.1", true)],
  docker0: [v4("172.17.0.1")],
  wlan0: [v4("10.20.30.40"), v6("fe80::1")],
  eth1: [v4("169.254.3.4")],
  usb0: [v4("203.0.113.7")],
};

describe("joinAddresses", () => {
  it("lists the school-network address first, then public ones, virtual bridges last, never loopback, IPv6 or link-local", () => {
    const found = joinAddresses(2567, "0.0.0.0", undefined, laptop);
    expect(found.addresses.map((a) => a.url)).toEqual(["http://10.20.30.40:2567", "http://203.0.113.7:2567", "http://172.17.0.1:2567"]);
    expect(found.addresses[0]!.label).toContain("wlan0");
    expect(found.loopbackOnly).toBe(false);
  });

  it("has none for a server bound to loopback, and says so", () => {
    const found = joinAddresses(2567, "127.0.0.1", undefined, laptop);
    expect(found).toEqual({ addresses: [], configured: false, loopbackOnly: true });
  });

  it("keeps only the bound address when the server listens on one interface", () => {
    expect(joinAddresses(8080, "10.20.30.40", undefined, laptop).addresses.map((a) => a.url)).toEqual(["http://10.20.30.40:8080"]);
  });

  it("gives JOIN_URL alone when it is set, without a trailing slash", () => {
    expect(joinAddresses(2567, "0.0.0.0", "https://entente.school.example/", laptop)).toEqual({
      addresses: [{ url: "https://entente.school.example", label: "Configured (JOIN_URL)" }],
      configured: true,
      loopbackOnly: false,
    });
  });

  it("a machine with no network has none (the page then tells the teacher to connect it)", () => {
    expect(joinAddresses(2567, "0.0.0.0", undefined, { lo: [v4("127.0.0.1", true)] }).addresses).toEqual([]);
  });
});

describe("JOIN_URL", () => {
  it("is read from the environment", () => {
    expect(configFromEnv({ JOIN_URL: "http://192.168.1.20:2567" }).joinUrl).toBe("http://192.168.1.20:2567");
  });
  it.each(["192.168.1.20:2567", "http://x.example/join", "ftp://x.example", "http://"])("refuses %s with one sentence", (value) => {
    expect(() => configFromEnv({ JOIN_URL: value })).toThrow(/JOIN_URL must be an address/);
  });
});
