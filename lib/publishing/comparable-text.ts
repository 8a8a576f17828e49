import twitterText from "twitter-text";

const URL_PLACEHOLDER = "\u0000url\u0000";

// X escapes these three characters in the text its v2 API returns.
const ENTITIES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">" };

/**
 * Reduces a post's text to what survives X's rewriting. X replaces every URL
 * with a t.co link and HTML-escapes `&`, `<` and `>` in the text it returns,
 * so the text sent and the text read back are compared with URLs masked.
 */
export function comparablePostText(text: string): string {
  const decoded = text.replace(/&(amp|lt|gt);/g, (entity) => ENTITIES[entity] ?? entity).normalize("NFC");
  const urls = twitterText.extractUrlsWithIndices(decoded);
  let masked = "";
  let cursor = 0;
  for (const { indices } of urls) {
    masked += decoded.slice(cursor, indices[0]) + URL_PLACEHOLDER;
    cursor = indices[1];
  }

  return (masked + decoded.slice(cursor)).trim();
}

export function isSamePostText(sent: string, returned: string): boolean {
  return comparablePostText(sent) === comparablePostText(returned);
}
