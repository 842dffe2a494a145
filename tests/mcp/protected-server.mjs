// A remote MCP server behind OAuth, on 127.0.0.1, for the sign-in tests: it is its own
// authorization server (RFC 8414 metadata, RFC 7591 registration, authorization code + PKCE
// S256 approved at once, refresh tokens that rotate) and protects /mcp with bearer tokens
// (RFC 9728 metadata, 401 with WWW-Authenticate). /admin/* lets a test expire or revoke tokens.
//
//   node tests/mcp/protected-server.mjs [--port N] [--ttl SECONDS]
// prints {"url": "http://127.0.0.1:N/mcp", "base": "..."} on its first stdout line.
// Needs NODE_PATH (or UTTER_MCP_FIXTURES) pointing at a node_modules with @modelcontextprotocol/sdk.
import { createServer } from "node:http";
import { createHash, randomBytes } from "node:crypto";
import { createRequire } from "node:module";
import path from "node:path";

const modules = process.env.UTTER_MCP_FIXTURES || process.env.NODE_PATH;
const require = createRequire(path.join(modules, "noop.js"));
const { McpServer } = require("@modelcontextprotocol/sdk/server/mcp.js");
const { StreamableHTTPServerTransport } = require("@modelcontextprotocol/sdk/server/streamableHttp.js");

const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const port = Number(arg("--port", "0"));
let ttl = Number(arg("--ttl", "3600"));

const clients = new Map(); // client_id -> redirect_uris
const codes = new Map(); // code -> {challenge, client_id, redirect_uri, scope}
const access = new Map(); // token -> {expires, scope}
const refresh = new Map(); // token -> {client_id, scope}
const stats = { registrations: 0, authorizations: 0, code_grants: 0, refreshes: 0, refused_refreshes: 0, mcp_ok: 0, mcp_401: 0, tokens_seen: [] };
let base = "";

const token = (prefix) => prefix + randomBytes(18).toString("base64url");
const json = (res, status, body, headers = {}) => {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
};
const readBody = (req) =>
  new Promise((resolve) => {
    let data = "";
    req.on("data", (c) => (data += c));
    req.on("end", () => resolve(data));
  });

function issue(client_id, scope) {
  const at = token("at-");
  const rt = token("rt-");
  access.set(at, { expires: Date.now() + ttl * 1000, scope });
  refresh.set(rt, { client_id, scope });
  return { access_token: at, token_type: "Bearer", expires_in: ttl, refresh_token: rt, scope };
}

function mcpServer() {
  const server = new McpServer({ name: "protected-notes", version: "1.0.0" });
  server.registerTool(
    "whoami",
    { description: "Who the token belongs to", annotations: { readOnlyHint: true } },
    async () => ({ content: [{ type: "text", text: "signed in as alice@example.com" }] }),
  );
  return server;
}

const http = createServer(async (req, res) => {
  const url = new URL(req.url, base);
  const body = req.method === "POST" ? await readBody(req) : "";
  const prm = `${base}/.well-known/oauth-protected-resource/mcp`;
  switch (`${req.method} ${url.pathname}`) {
    case "GET /.well-known/oauth-protected-resource/mcp":
      return json(res, 200, { resource: `${base}/mcp`, authorization_servers: [base], scopes_supported: ["notes:read"] });
    case "GET /.well-known/oauth-authorization-server":
      return json(res, 200, {
        issuer: base,
        authorization_endpoint: `${base}/authorize`,
        token_endpoint: `${base}/token`,
        registration_endpoint: `${base}/register`,
        response_types_supported: ["code"],
        grant_types_supported: ["authorization_code", "refresh_token"],
        code_challenge_methods_supported: ["S256"],
        token_endpoint_auth_methods_supported: ["none"],
        scopes_supported: ["notes:read"],
      });
    case "POST /register": {
      const meta = JSON.parse(body || "{}");
      const id = token("client-");
      clients.set(id, meta.redirect_uris || []);
      stats.registrations++;
      return json(res, 201, { client_id: id, redirect_uris: meta.redirect_uris, token_endpoint_auth_method: "none" });
    }
    case "GET /authorize": {
      const q = url.searchParams;
      const redirect = q.get("redirect_uri");
      if (!clients.has(q.get("client_id")) || !clients.get(q.get("client_id")).includes(redirect)) {
        return json(res, 400, { error: "invalid_client" });
      }
      if (q.get("code_challenge_method") !== "S256" || !q.get("code_challenge")) {
        return json(res, 400, { error: "invalid_request", error_description: "PKCE S256 required" });
      }
      stats.authorizations++;
      const code = token("code-");
      codes.set(code, { challenge: q.get("code_challenge"), client_id: q.get("client_id"), redirect_uri: redirect, scope: q.get("scope") || "" });
      const back = new URL(redirect);
      back.searchParams.set("code", code);
      back.searchParams.set("state", q.get("state"));
      res.writeHead(302, { location: back.toString() });
      return res.end();
    }
    case "POST /token": {
      const p = new URLSearchParams(body);
      if (p.get("grant_type") === "authorization_code") {
        const c = codes.get(p.get("code"));
        codes.delete(p.get("code"));
        const verifier = p.get("code_verifier") || "";
        const ok = c && createHash("sha256").update(verifier).digest("base64url") === c.challenge && c.redirect_uri === p.get("redirect_uri");
        if (!ok) return json(res, 400, { error: "invalid_grant" });
        stats.code_grants++;
        return json(res, 200, issue(c.client_id, c.scope));
      }
      if (p.get("grant_type") === "refresh_token") {
        const old = refresh.get(p.get("refresh_token"));
        if (!old) {
          stats.refused_refreshes++;
          return json(res, 400, { error: "invalid_grant", error_description: "refresh token revoked" });
        }
        refresh.delete(p.get("refresh_token")); // rotation: each refresh token works once
        stats.refreshes++;
        return json(res, 200, issue(old.client_id, old.scope));
      }
      return json(res, 400, { error: "unsupported_grant_type" });
    }
    case "POST /mcp": {
      const auth = req.headers.authorization || "";
      const at = auth.startsWith("Bearer ") ? auth.slice(7) : "";
      const t = access.get(at);
      if (!t || t.expires < Date.now()) {
        stats.mcp_401++;
        return json(res, 401, { error: "invalid_token" }, {
          "www-authenticate": `Bearer error="invalid_token", resource_metadata="${prm}"`,
        });
      }
      stats.mcp_ok++;
      if (!stats.tokens_seen.includes(at)) stats.tokens_seen.push(at);
      const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
      const server = mcpServer();
      res.on("close", () => { transport.close(); server.close(); });
      await server.connect(transport);
      return transport.handleRequest(req, res, JSON.parse(body));
    }
    case "GET /mcp":
    case "DELETE /mcp":
      res.writeHead(405);
      return res.end();
    // Test controls: expire every access token, or revoke everything (the user removed the
    // app's access at the provider).
    case "POST /admin/expire":
      for (const t of access.values()) t.expires = 0;
      return json(res, 200, { ok: true });
    case "POST /admin/revoke":
      access.clear();
      refresh.clear();
      return json(res, 200, { ok: true });
    case "POST /admin/ttl":
      ttl = Number(new URLSearchParams(body).get("ttl"));
      return json(res, 200, { ok: true });
    case "GET /admin/stats":
      return json(res, 200, stats);
    default:
      res.writeHead(404);
      return res.end();
  }
});

http.listen(port, "127.0.0.1", () => {
  base = `http://127.0.0.1:${http.address().port}`;
  process.stdout.write(JSON.stringify({ url: `${base}/mcp`, base }) + "\n");
});
