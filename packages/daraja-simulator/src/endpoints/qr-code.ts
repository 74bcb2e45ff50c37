import QRCode from "qrcode"
import { json } from "../http/reply"
import { newRequestId } from "../ids"
import { qrPayload } from "../qr/payload"
import { validateQrGenerate } from "../validation/qr"
import { readJsonRequest } from "./guard"
import type { EndpointHandler } from "./types"

/**
 * POST /mpesa/qrcode/v1/generate: a Dynamic QR as a base64 PNG of `Size`
 * pixels. The code is remembered so the phone page can "scan" it.
 */
export const qrCodeGenerate: EndpointHandler = async (sim, req) => {
  const validation = readJsonRequest(sim, req, "MerchantName", validateQrGenerate)
  if (!validation.ok) {
    return validation.reply
  }
  const { size, ...fields } = validation.value
  const payload = qrPayload(fields)
  // Medium error correction and a 2-module quiet zone: what phone cameras read reliably at 300 px.
  const png = await QRCode.toBuffer(payload, { type: "png", width: size, margin: 2, errorCorrectionLevel: "M" })
  const requestId = newRequestId()
  sim.qrCodes.add({ ...fields, requestId, payload, size, at: sim.now() })
  return json(200, {
    ResponseCode: "00",
    RequestID: requestId,
    ResponseDescription: "The service request is processed successfully.",
    QRCode: png.toString("base64"),
  })
}
