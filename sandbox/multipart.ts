/** Reads a multipart/form-data body into fields: text parts as strings, file parts as { filename, contentType, text }. */
export interface UploadedFile {
  filename: string;
  contentType: string;
  text: string;
}

/** Field values only (a file part's value is its content), as the request body the validator checks. */
export const multipartFields = (contentType: string, bodyText: string): Record<string, string> | undefined => {
  const parts = parseMultipart(contentType, bodyText);
  if (!parts) return undefined;
  return Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, typeof v === "string" ? v : v.text]));
};

export const parseMultipart = (contentType: string, bodyText: string): Record<string, string | UploadedFile> | undefined => {
  const m = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  if (!/^multipart\/form-data/i.test(contentType) || !m) return undefined;
  const boundary = `--${m[1] ?? m[2]}`;
  const out: Record<string, string | UploadedFile> = {};
  for (const part of bodyText.split(boundary).slice(1)) {
    if (part.startsWith("--")) break;
    const at = part.indexOf("\r\n\r\n");
    if (at < 0) continue;
    const head = part.slice(0, at);
    const content = part.slice(at + 4).replace(/\r\n$/, "");
    const name = /name="([^"]*)"/i.exec(head)?.[1];
    if (!name) continue;
    const filename = /filename="([^"]*)"/i.exec(head)?.[1];
    out[name] = filename === undefined ? content : { filename, contentType: /content-type:\s*([^\r\n]+)/i.exec(head)?.[1] ?? "application/octet-stream", text: content };
  }
  return out;
};
