/**
 * multipart/form-data bodies for operations that upload a file (a body field of format binary).
 * A file arrives from another step as Prismatic data ({ data: Buffer, contentType }), as a Buffer, or
 * as text; other fields become text parts (objects as JSON).
 */
import { randomBytes } from "crypto";

export interface FilePart {
  data: Buffer;
  contentType: string;
  fileName: string;
}

const EXTENSIONS: Record<string, string> = {
  "application/pdf": "pdf",
  "text/csv": "csv",
  "text/plain": "txt",
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/gif": "gif",
  "application/json": "json",
  "application/zip": "zip",
};

/** Normalises whatever a data input delivered into a file part. */
export const toFilePart = (value: unknown, fileName?: string): FilePart => {
  let data: Buffer;
  let contentType = "application/octet-stream";
  if (Buffer.isBuffer(value)) data = value;
  else if (value && typeof value === "object" && "data" in value) {
    const v = value as { data: unknown; contentType?: unknown };
    data = Buffer.isBuffer(v.data) ? v.data : Buffer.from(String(v.data ?? ""));
    if (typeof v.contentType === "string" && v.contentType) contentType = v.contentType;
  } else {
    data = Buffer.from(String(value ?? ""), "utf8");
    contentType = "text/plain";
  }
  const ext = EXTENSIONS[contentType.split(";")[0].trim().toLowerCase()] ?? "bin";
  return { data, contentType, fileName: fileName?.trim() || `upload.${ext}` };
};

const quote = (s: string) => s.replace(/["\r\n\\]/g, "_");

export const encodeMultipart = (fields: Record<string, unknown>): { data: Buffer; contentType: string } => {
  const boundary = `----servicetitan-${randomBytes(12).toString("hex")}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    chunks.push(Buffer.from(`--${boundary}\r\n`));
    if (value && typeof value === "object" && "fileName" in value && Buffer.isBuffer((value as FilePart).data)) {
      const file = value as FilePart;
      chunks.push(
        Buffer.from(`Content-Disposition: form-data; name="${quote(name)}"; filename="${quote(file.fileName)}"\r\nContent-Type: ${file.contentType}\r\n\r\n`),
        file.data,
        Buffer.from("\r\n"),
      );
    } else {
      const text = typeof value === "string" ? value : JSON.stringify(value);
      chunks.push(Buffer.from(`Content-Disposition: form-data; name="${quote(name)}"\r\n\r\n${text}\r\n`));
    }
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { data: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
};
