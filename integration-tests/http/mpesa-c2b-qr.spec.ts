import jsQR from "jsqr"
import { PNG } from "pngjs"
import { parseQrPayload } from "@soko/daraja-simulator"
import { appIntegrationTestRunner } from "../helpers/app-test-runner"
import { useSeededShop } from "../helpers/seeded-shop"
import { expectMoneyAuditHolds } from "../helpers/money-audit"
import { C2B_SHORTCODE, c2bScenarios } from "../helpers/mpesa-c2b"
import { useDarajaSimulator, type Simulator } from "../helpers/mpesa-app"

jest.setTimeout(180_000)

const simulator = useDarajaSimulator({ MPESA_C2B_SHORTCODE: C2B_SHORTCODE })
let sim: Simulator

/** The text a phone camera reads from the route's data URL. */
function qrText(image: string): string {
  const match = /^data:image\/png;base64,(.+)$/.exec(image)
  expect(match).not.toBeNull()
  const png = PNG.sync.read(Buffer.from(match![1], "base64"))
  const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)
  expect(code).not.toBeNull()
  return code!.data
}

const scan = (image: string) => parseQrPayload(qrText(image))

/**
 * The payment QR code of "Pay another way" (GET /store/mpesa/c2b/qr): the
 * simulator's Dynamic QR carries the paybill, the order's account and the
 * exact amount still to pay; refusals say why; Daraja's failure is a 502.
 */
appIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    const shop = useSeededShop(getContainer, api)
    beforeEach(async () => {
      sim = simulator()
      sim.reset()
      await c2b.registerUrls()
    })

    const c2b = c2bScenarios({ api, getContainer, sim: () => sim, store: shop.store, admin: shop.admin })
    const get = (url: string) =>
      api.get(url, shop.store()).then(
        (r: any) => r,
        (e: any) => e.response
      )

    it("carries the paybill, the order's account and the exact amount; a short payment lowers it; a paid order has none", async () => {
      const order = await c2b.awaitingOrder()
      const res = await get(`/store/mpesa/c2b/qr?cart_id=${order.cartId}`)
      expect(res.status).toBe(200)
      expect(res.headers["cache-control"]).toBe("no-store")
      expect(Object.keys(res.data)).toEqual(["image"])
      expect(scan(res.data.image)).toEqual({
        ok: true,
        fields: { trxCode: "PB", cpi: C2B_SHORTCODE, refNo: order.displayId, amount: order.totalKes, merchantName: "Soko Demo Shop" },
      })
      expect(sim.listQrCodes()).toHaveLength(1)

      // A short payment: the next code asks for the rest only.
      const left = Math.min(100, order.totalKes - 1)
      const part = await c2b.payPaybill(order.displayId, order.totalKes - left)
      expect((await c2b.settled(part.transId)).state).toBe("partial")
      const rest = await get(`/store/mpesa/c2b/qr?cart_id=${order.cartId}`)
      expect(scan(rest.data.image)).toMatchObject({ ok: true, fields: { refNo: order.displayId, amount: left } })

      // The shopper scans it with the M-Pesa app: the QR payment pays the rest, matched like a paybill.
      const paid = await sim.payC2b({ channel: "qr", qrCode: qrText(rest.data.image) })
      expect(paid.status).toBe("completed")
      expect(await c2b.settled(paid.transId)).toMatchObject({ state: "captured", order_id: order.orderId })
      await c2b.paymentStatus(order.orderId, "captured")
      const none = await get(`/store/mpesa/c2b/qr?cart_id=${order.cartId}`)
      expect(none.status).toBe(409)
      expect(none.data.message).toMatch(/nothing left to pay/)
      // It only reads: no ledger rows beyond the two payments.
      expect(await c2b.rows({ order_id: order.orderId })).toHaveLength(2)
      await expectMoneyAuditHolds(getContainer(), sim, order.orderId)
    })

    it("Daraja failing is a 502 with a reason, never a 500; bad or unproven requests are 4xx", async () => {
      const order = await c2b.awaitingOrder()
      sim.addOverride({ endpoint: "qrcode", times: 0, fault: { status: 500, errorCode: "500.003.02", errorMessage: "System is busy. Please try again in few minutes." } })
      const failed = await get(`/store/mpesa/c2b/qr?cart_id=${order.cartId}`)
      expect(failed.status).toBe(502)
      expect(failed.data.message).toMatch(/M-Pesa could not make the QR code just now \(System is busy.*\)\. Pay with the paybill/)

      // Only the holder: an order id without its token is as unknown as any other.
      expect((await get(`/store/mpesa/c2b/qr?order_id=${order.orderId}`)).status).toBe(404)
      const bad = await get(`/store/mpesa/c2b/qr?order_id=${order.orderId}&cart_id=${order.cartId}`)
      expect(bad.status).toBe(400)
      expect(bad.data.message).toMatch(/either order_id or cart_id/)
    })
  },
})
