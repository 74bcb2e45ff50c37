/**
 * The merchant's side of an order: the admin order list, Medusa's own order
 * update, and a status change through order-rules (it replaces the old
 * order-rules-cost measurement spec, which booted an app to print the same
 * comparison). Each connection works on its own paid order, placed and
 * captured before the warm-up.
 */
import { call, checkout, counter, type BenchContext, type Counter, type Json } from "./client"

/** Orders placed per server: one per connection of the order scenarios. */
const ORDERS = 4
/** Statuses the status-change scenario moves an order between; "on_hold" is added to the shop's rule set. */
const PAID = "paid"
const ON_HOLD = "on_hold"

const admin = (ctx: BenchContext) => ({ authorization: `Bearer ${ctx.adminToken}` })

async function adminGet(ctx: BenchContext, path: string): Promise<Json> {
  return (await call(ctx, "GET", path, undefined, admin(ctx))).body
}

async function adminPost(ctx: BenchContext, path: string, body: unknown): Promise<Json> {
  return (await call(ctx, "POST", path, body, admin(ctx))).body
}

/** order-rules answers only where the plugin is registered (not on vanilla Medusa). */
async function hasOrderRules(ctx: BenchContext): Promise<boolean> {
  return adminGet(ctx, "/admin/order-rules").then(
    () => true,
    () => false
  )
}

/** Lets a merchant put a paid order on hold and back, as the old measurement did. */
async function allowOnHold(ctx: BenchContext) {
  const { rule_set: ruleSet } = await adminGet(ctx, "/admin/order-rules")
  if (ruleSet.states.some((s: { id: string }) => s.id === ON_HOLD)) {
    return
  }
  ruleSet.states.push({ id: ON_HOLD, label: "On hold" })
  ruleSet.transitions.push({ from: PAID, to: ON_HOLD, actors: ["admin"] }, { from: ON_HOLD, to: PAID, actors: ["admin"] })
  await adminPost(ctx, "/admin/order-rules", { rule_set: ruleSet })
}

async function waitForStatus(ctx: BenchContext, orderId: string, status: string) {
  const deadline = Date.now() + 60_000
  for (;;) {
    const { order_lifecycle: lifecycle } = await adminGet(ctx, `/admin/orders/${orderId}/lifecycle`)
    if (lifecycle.status === status) {
      return
    }
    if (Date.now() > deadline) {
      throw new Error(`order ${orderId} is still "${lifecycle.status}" after 60 s, waiting for "${status}"`)
    }
    await new Promise((r) => setTimeout(r, 200))
  }
}

/**
 * Places ORDERS orders with the system provider and captures each through
 * Medusa's admin API. Where order-rules runs with its hooks, waits until
 * each is "paid" so the status change starts from a known status.
 */
export async function prepareAdminOrders(ctx: BenchContext): Promise<string[]> {
  const n = counter()
  const orders = await Promise.all(Array.from({ length: ORDERS }, (_, worker) => checkout(ctx, n, "system", worker)))
  const rules = await hasOrderRules(ctx)
  if (rules) {
    await allowOnHold(ctx)
  }
  for (const orderId of orders) {
    const { order } = await adminGet(ctx, `/admin/orders/${orderId}?fields=id,*payment_collections.payments`)
    await adminPost(ctx, `/admin/payments/${order.payment_collections[0].payments[0].id}/capture`, {})
  }
  const lifecycle = rules ? (await adminGet(ctx, `/admin/orders/${orders[0]}/lifecycle`)).order_lifecycle : undefined
  // Without order-rules' subscribers (no-hooks) an order never gets a status; only the update scenario runs there.
  if (lifecycle && lifecycle.version !== 0) {
    await Promise.all(orders.map((id) => waitForStatus(ctx, id, PAID)))
  }
  return orders
}

/** Each connection's order and the status it is in (the load process is one process, so this map is its own). */
const heldStatus = new Map<string, string>()

const orderOf = (ctx: BenchContext, worker: number) => {
  const orders = ctx.adminOrders ?? []
  if (!orders.length) {
    throw new Error("no orders were prepared for the admin order scenarios")
  }
  return orders[worker % orders.length]
}

type Iteration = (ctx: BenchContext, n: Counter, worker: number) => Promise<void>

export const ADMIN_ORDER_SCENARIOS: Record<string, { label: string; connections: number; vanilla: boolean; needsHooks?: boolean; run: Iteration }> = {
  "admin-orders": {
    label: "Admin order list (20, default fields)",
    connections: 4,
    vanilla: true,
    run: async (ctx, n) => {
      n.requests += 1
      await adminGet(ctx, "/admin/orders?limit=20&offset=0&order=-created_at")
    },
  },
  "order-update": {
    label: "Admin order update (metadata), Medusa's own route",
    connections: ORDERS,
    vanilla: true,
    run: async (ctx, n, worker) => {
      n.requests += 1
      await adminPost(ctx, `/admin/orders/${orderOf(ctx, worker)}?fields=id`, { metadata: { bench: n.requests } })
    },
  },
  "order-status-change": {
    label: "Order status change through order-rules (paid ⇄ on hold)",
    connections: ORDERS,
    vanilla: false,
    needsHooks: true,
    run: async (ctx, n, worker) => {
      const orderId = orderOf(ctx, worker)
      const key = `${ctx.baseUrl} ${orderId}`
      const to = (heldStatus.get(key) ?? PAID) === PAID ? ON_HOLD : PAID
      n.requests += 1
      await adminPost(ctx, `/admin/orders/${orderId}/lifecycle`, { status: to })
      heldStatus.set(key, to)
    },
  },
}
