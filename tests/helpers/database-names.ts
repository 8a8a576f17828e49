export function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

export function templateDatabaseUrl(url: string): { name: string; url: string } {
  const base = new URL(url).pathname.slice(1) || "postgres";
  const name = `${base}_template`;
  return { name, url: withDatabaseName(url, name) };
}
