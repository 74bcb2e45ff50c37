import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { previewTemplate } from "../../../../workflows/utils/preview"
import type { AdminPreviewNotificationTemplateType } from "../../../validators"

/** Renders a template (with unsaved edits, sample data or an order's data) without sending anything. */
export async function POST(req: AuthenticatedMedusaRequest<AdminPreviewNotificationTemplateType>, res: MedusaResponse) {
  res.json({ preview: await previewTemplate(req.scope, req.validatedBody) })
}
