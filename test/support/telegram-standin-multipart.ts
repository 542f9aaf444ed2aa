/** A file uploaded to the Telegram stand-in. */
export interface StandinFile {
  name: string;
  data: Buffer;
}

/**
 * Splits a multipart/form-data body into fields and files. grammY writes lowercase part headers and an
 * unquoted `filename=` (its payload.js), which strict parsers reject, so this one reads them loosely.
 */
export function parseMultipart(contentType: string, body: Buffer): { fields: Record<string, string>; files: Record<string, StandinFile> } {
  const boundary = /boundary=("?)([^";]+)\1/.exec(contentType)?.[2];
  const fields: Record<string, string> = {};
  const files: Record<string, StandinFile> = {};
  if (!boundary) return { fields, files };
  const delimiter = Buffer.from(`--${boundary}`);
  let start = body.indexOf(delimiter);
  while (start >= 0) {
    const partStart = start + delimiter.length;
    if (body.subarray(partStart, partStart + 2).toString() === '--') break;
    const next = body.indexOf(delimiter, partStart);
    if (next < 0) break;
    // Each part sits between "\r\n" after the delimiter and "\r\n" before the next one.
    const part = body.subarray(partStart + 2, next - 2);
    const headerEnd = part.indexOf('\r\n\r\n');
    const headers = part.subarray(0, headerEnd).toString('utf8');
    const content = part.subarray(headerEnd + 4);
    const name = /name="([^"]*)"/i.exec(headers)?.[1];
    const filename = /filename="?([^";\r\n]*)"?/i.exec(headers)?.[1];
    if (name !== undefined) {
      if (filename !== undefined) files[name] = { name: filename, data: Buffer.from(content) };
      else fields[name] = content.toString('utf8');
    }
    start = next;
  }
  return { fields, files };
}
