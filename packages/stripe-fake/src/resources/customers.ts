import { err, metadata, missing, str } from "../errors"
import { list, rand, type ResourceRequest } from "../store"
import type { Json } from "../types"

const unknownUrl = () => err(404, "invalid_request_error", "Unrecognized request URL.")

/** /v1/customers[/:id[/payment_methods]] */
export function customers({ store, method, id, action, params: p }: ResourceRequest): Json {
  if (!id && method === "POST") {
    const c: Json = {
      id: `cus_${rand(14)}`,
      object: "customer",
      address: null,
      created: store.secs(),
      description: str(p.description) ?? null,
      email: str(p.email) ?? null,
      livemode: false,
      metadata: metadata(p.metadata),
      name: str(p.name) ?? null,
      phone: str(p.phone) ?? null,
      shipping: null,
    }
    if (p.address && typeof p.address === "object") {
      c.address = p.address
    }
    store.customers.set(c.id as string, c)
    store.emit("customer.created", c)
    return c
  }
  if (!id) {
    throw unknownUrl()
  }
  const c = store.customers.get(id)
  if (!c) {
    throw missing("customer", id)
  }
  if (action === "payment_methods" && method === "GET") {
    return list([], `/v1/customers/${id}/payment_methods`)
  }
  if (!action && method === "GET") {
    return c
  }
  if (!action && method === "POST") {
    for (const k of ["email", "name", "phone", "description"]) {
      if (str(p[k]) !== undefined) {
        c[k] = str(p[k]) || null
      }
    }
    if (p.address && typeof p.address === "object") {
      c.address = p.address
    }
    if (p.metadata) {
      c.metadata = { ...(c.metadata as Json), ...metadata(p.metadata) }
    }
    return c
  }
  if (!action && method === "DELETE") {
    store.customers.delete(id)
    return { id, object: "customer", deleted: true }
  }
  throw unknownUrl()
}
