"use server"

import { safeNextPath } from "../util/redirect"
import { goTo } from "./action-result"
import type { ActionState } from "./action-state"
import { authHeaders, setCountryCookie } from "./cookies"
import { loadCartForAction } from "./cart"
import { storeFetch } from "./fetch"
import { getRegion } from "./regions"

/** Moves the shopper (and their cart) to another country's region, on the same page. */
export async function switchCountry(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const to = String(formData.get("country") ?? "").toLowerCase()
  const raw = String(formData.get("path") ?? "/")
  const path = safeNextPath(raw, "/")
  const region = /^[a-z]{2}$/.test(to) ? await getRegion(to) : null
  if (!region) {
    return goTo(path)
  }
  await setCountryCookie(to)
  const cart = await loadCartForAction()
  if (cart && cart.region_id !== region.id) {
    await storeFetch(`/store/carts/${cart.id}`, {
      method: "POST",
      body: { region_id: region.id },
      query: { fields: "id" },
      headers: await authHeaders(),
    }).catch(() => undefined)
  }
  const rest = path.replace(/^\/[a-z]{2}(?=\/|$)/, "")
  return goTo(`/${to}${rest.startsWith("/") || rest === "" ? rest : `/${rest}`}`)
}
