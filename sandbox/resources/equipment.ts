/** Installed equipment attachments: uploads arrive as multipart/form-data and are stored under a path. */
import { randomUUID } from "crypto";
import { parseMultipart } from "../multipart";
import { badRequest } from "../problem";
import type { RouteDef } from "../router";
import { route, S } from "./common";

export const equipmentRoutes = (): RouteDef[] => [
  route(
    "equipmentsystems",
    "POST",
    "/installed-equipment/attachments",
    (ctx) => {
      const file = parseMultipart(ctx.req.headers["content-type"] ?? "", ctx.req.bodyText)?.file;
      if (!file || typeof file === "string") throw badRequest({ file: ["Attach the file as a multipart/form-data file part named 'file'."] });
      const ext = /\.([A-Za-z0-9]{1,8})$/.exec(file.filename)?.[1] ?? "bin";
      return { status: 200, body: { path: `InstalledEquipment/Documents/${randomUUID()}.${ext}` } };
    },
    { kind: "create", body: S.obj({ file: S.str({ format: "binary" }) }) },
  ),
];
