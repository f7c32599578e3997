/**
 * Content files as text: UTF-8 only, a byte order mark allowed and dropped. Bytes that are not
 * UTF-8 are an error naming their line, never U+FFFD on a page.
 */

/** A file's text, or where its first byte that is not UTF-8 is. */
export type DecodedText = { ok: true; text: string } | { ok: false; line: number; column: number; byte: number };

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Why: `readFile(…, 'utf8')` turns a Latin-1 "é" into U+FFFD without a word; a content file must say so. */
export function decodeContentText(bytes: Uint8Array): DecodedText {
  try {
    return { ok: true, text: decoder.decode(bytes) };
  } catch {
    const offset = firstInvalidByte(bytes);
    let line = 1;
    let lineStart = 0;
    for (let index = 0; index < offset; index++) {
      if (bytes[index] === 0x0a) {
        line++;
        lineStart = index + 1;
      }
    }
    return { ok: false, line, column: offset - lineStart + 1, byte: bytes[offset] ?? 0 };
  }
}

/** The offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidByte(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index]!;
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length === 0 || index + length > bytes.length) return index;
    for (let next = 1; next < length; next++) if ((bytes[index + next]! & 0xc0) !== 0x80) return index;
    // Overlong forms, surrogates and code points past U+10FFFF.
    const second = bytes[index + 1] ?? 0;
    if ((lead === 0xe0 && second < 0xa0) || (lead === 0xed && second > 0x9f) || (lead === 0xf0 && second < 0x90) || (lead === 0xf4 && second > 0x8f))
      return index;
    index += length;
  }
  return bytes.length;
}
