import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "InsightProse", template: "%s · InsightProse" },
  description: "Turn your long-form writing into X threads, and post them on schedule from your own account.",
};

export default function RootLayout({ children }: Readonly<{ children: React.ReactNode }>) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans antialiased">{children}</body>
    </html>
  );
}
