import type { IncomingMessage } from "node:http";
import type { Readable } from "node:stream";
import { createBrotliDecompress, createGunzip, createInflate } from "node:zlib";
import { ArticleImportError } from "../errors";

function describeBytes(bytes: number): string {
  return `${Math.round(bytes / 1_000_000)} MB`;
}

export function tooLargeError(maxBytes: number): ArticleImportError {
  return new ArticleImportError(
    "too_large",
    `The page is larger than ${describeBytes(maxBytes)}, so it was not imported; paste the article's text instead.`,
  );
}

function decodedStream(response: IncomingMessage): Readable {
  const encoding = (response.headers["content-encoding"] ?? "identity").trim().toLowerCase();
  if (encoding === "gzip" || encoding === "x-gzip") return response.pipe(createGunzip());
  if (encoding === "deflate") return response.pipe(createInflate());
  if (encoding === "br") return response.pipe(createBrotliDecompress());

  return response;
}

/**
 * Reads a response body into memory, stopping as soon as it passes `maxBytes`.
 * The limit applies to the decompressed bytes too, so a small compressed body
 * cannot expand past it.
 */
export async function readLimitedBody(response: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declaredLength = Number(response.headers["content-length"]);
  if (Number.isFinite(declaredLength) && declaredLength > maxBytes) {
    response.destroy();
    throw tooLargeError(maxBytes);
  }

  const stream = decodedStream(response);
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream) {
      const buffer = chunk as Buffer;
      total += buffer.length;
      if (total > maxBytes) throw tooLargeError(maxBytes);
      chunks.push(buffer);
    }
  } finally {
    if (stream !== response) stream.destroy();
    response.destroy();
  }

  return Buffer.concat(chunks);
}

const META_CHARSET = /<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)/i;

/** Decodes a body with the charset of its Content-Type, of a byte order mark or of an HTML meta tag, else UTF-8. */
export function decodeBody(body: Buffer, contentType: string, isHtml: boolean): string {
  let label = /charset\s*=\s*"?([\w:.-]+)/i.exec(contentType)?.[1];
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) label = "utf-8";
  else if (body[0] === 0xfe && body[1] === 0xff) label = "utf-16be";
  else if (body[0] === 0xff && body[1] === 0xfe) label = "utf-16le";
  else if (!label && isHtml) label = META_CHARSET.exec(body.subarray(0, 1024).toString("latin1"))?.[1];

  try {
    return new TextDecoder(label ?? "utf-8").decode(body);
  } catch {
    return new TextDecoder("utf-8").decode(body);
  }
}
