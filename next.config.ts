import type { NextConfig } from "next";
import { API_HEADERS, SECURITY_HEADERS } from "./lib/security/headers";

const nextConfig: NextConfig = {
  // PGlite loads its WebAssembly files from its package folder at run time,
  // pino starts worker threads and jsdom reads its own files; none survives bundling.
  serverExternalPackages: ["@electric-sql/pglite", "pino", "pino-pretty", "jsdom"],
  poweredByHeader: false,
  // Next.js would otherwise write AGENTS.md files into the repository on `next dev`.
  agentRules: false,
  experimental: { agentUpgrade: false },
  // `npm run typecheck` checks the whole repository (tests and the X sandbox too),
  // so the build skips its own narrower pass.
  typescript: { ignoreBuildErrors: true },
  async headers() {
    return [
      { source: "/:path*", headers: SECURITY_HEADERS },
      { source: "/api/:path*", headers: API_HEADERS },
    ];
  },
};

export default nextConfig;
