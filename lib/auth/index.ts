import NextAuth from "next-auth";
import { buildAuthConfig } from "./config";

// The configuration is built on the first request, not at import, because it
// reads the environment and opens the database.
export const { handlers, auth, signIn, signOut } = NextAuth(() => buildAuthConfig());
