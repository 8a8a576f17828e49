import type { Metadata } from "next";
import { connection } from "next/server";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "InsightProse", template: "%s · InsightProse" },
  description: "Turn your long-form writing into X threads, and post them on schedule from your own account.",
};

export default async function RootLayout({ children }: Readonly<{ children: React.ReactNode }>) {
  // Every page renders per request, so that Next.js can put the CSP nonce on its scripts.
  await connection();

  return (
    <html lang="en">
      <body className="min-h-screen font-sans antialiased">{children}</body>
    </html>
  );
}
