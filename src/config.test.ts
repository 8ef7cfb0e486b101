import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.js";

const KEY = "a".repeat(64);
const dir = () => mkdtempSync(path.join(tmpdir(), "kualik-config-"));

describe("loadConfig", () => {
  it("defaults to SQLite under ./data, port 3000 and a localhost public URL", () => {
    const data = dir();
    const c = loadConfig({ DATA_DIR: data, KUALIK_SECRET_KEY: KEY });
    expect(c.port).toBe(3000);
    expect(c.database).toEqual({ provider: "sqlite", url: `file:${path.join(data, "kualik.db")}` });
    expect(c.publicUrl.href).toBe("http://localhost:3000/");
    expect(c.adminToken).toBeUndefined();
    expect(c.rateLimit.enabled).toBe(true);
  });

  it("switches to PostgreSQL by the DATABASE_URL scheme", () => {
    const c = loadConfig({ DATA_DIR: dir(), KUALIK_SECRET_KEY: KEY, DATABASE_URL: "postgresql://u:p@db:5432/kualik" });
    expect(c.database.provider).toBe("postgres");
  });

  it("names every bad variable at once", () => {
    try {
      loadConfig({
        PORT: "seventy",
        PUBLIC_URL: "ftp://x",
        DATABASE_URL: "mysql://x",
        KUALIK_SECRET_KEY: "short",
        RATE_LIMIT_ENABLED: "maybe",
      });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const names = (error as ConfigError).problems.map((p) => p.split(":")[0]);
      expect(names.sort()).toEqual(["DATABASE_URL", "KUALIK_SECRET_KEY", "PORT", "PUBLIC_URL", "RATE_LIMIT_ENABLED"]);
    }
  });

  it("refuses to start in production without a secret key or public URL", () => {
    expect(() => loadConfig({ NODE_ENV: "production", DATA_DIR: dir() })).toThrow(
      /KUALIK_SECRET_KEY: required in production[\s\S]*PUBLIC_URL: required/,
    );
  });

  it("refuses a short admin token in production", () => {
    expect(() =>
      loadConfig({ NODE_ENV: "production", KUALIK_SECRET_KEY: KEY, PUBLIC_URL: "https://k.kz", KUALIK_ADMIN_TOKEN: "t" }),
    ).toThrow(/at least 24/);
  });

  it("wants TLS_CERT and TLS_KEY together", () => {
    expect(() => loadConfig({ DATA_DIR: dir(), KUALIK_SECRET_KEY: KEY, TLS_CERT: "/c.pem" })).toThrow(/TLS_CERT and TLS_KEY/);
  });

  it("derives an https public URL when TLS is on, and strips a trailing slash from PUBLIC_URL paths", () => {
    expect(loadConfig({ DATA_DIR: dir(), KUALIK_SECRET_KEY: KEY, TLS_CERT: "/c", TLS_KEY: "/k", PORT: "8443" }).publicUrl.href).toBe(
      "https://localhost:8443/",
    );
    expect(loadConfig({ DATA_DIR: dir(), KUALIK_SECRET_KEY: KEY, PUBLIC_URL: "https://edu.kz/kualik/" }).publicUrl.pathname).toBe(
      "/kualik",
    );
  });

  it("treats empty variables as unset and parses the allow-list of hosts", () => {
    const c = loadConfig({
      DATA_DIR: dir(),
      KUALIK_SECRET_KEY: KEY,
      KUALIK_ADMIN_TOKEN: "",
      FETCH_ALLOW_HOSTS: " Localhost:3001, 127.0.0.1:4000 ,",
    });
    expect(c.adminToken).toBeUndefined();
    expect(c.fetchAllowHosts).toEqual(["localhost:3001", "127.0.0.1:4000"]);
  });
});
