import type { MedusaContainer } from "@medusajs/framework/types"
import { ensureAdminUser } from "../../src/scripts/seed/admin-user"

export const ADMIN = { email: "admin@example.com", password: "supersecret" }

export type Api = {
  post: (url: string, body?: unknown, config?: unknown) => Promise<{ data: Record<string, unknown> }>
}

/** Creates the admin login as the launcher does, then logs in through the auth API. */
export async function adminHeaders(container: MedusaContainer, api: Api) {
  await ensureAdminUser(container, ADMIN.email, ADMIN.password)
  const { data } = await api.post("/auth/user/emailpass", ADMIN)
  return { headers: { authorization: `Bearer ${data.token}` } }
}
