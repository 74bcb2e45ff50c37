import "server-only"
import type { HttpTypes } from "@medusajs/types"
import { cache } from "react"
import { statusOf } from "../util/errors"
import { authHeaders, getAuthToken } from "./cookies"
import { storeFetch } from "./fetch"

/** The signed-in shopper, or null (no token, or an expired one). Uncached: for server actions. */
export async function loadCustomer(): Promise<HttpTypes.StoreCustomer | null> {
  if (!(await getAuthToken())) {
    return null
  }
  try {
    const { customer } = await storeFetch<{ customer: HttpTypes.StoreCustomer }>("/store/customers/me", {
      query: { fields: "id,email,first_name,last_name,phone,*addresses" },
      headers: await authHeaders(),
    })
    return customer
  } catch (error) {
    const status = statusOf(error)
    if (status === 401 || status === 403 || status === 404) {
      return null
    }
    throw error
  }
}

/** loadCustomer, once per page render. */
export const retrieveCustomer = cache(loadCustomer)
