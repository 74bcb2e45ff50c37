import { createUsersWorkflow } from "@medusajs/medusa/core-flows"
import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"

/**
 * Makes sure the admin can log in. An existing account keeps its password (a
 * merchant may have changed it in admin); only a missing login is created.
 */
export async function ensureAdminUser(
  container: MedusaContainer,
  email: string,
  password: string
): Promise<"created" | "exists"> {
  const users = container.resolve(Modules.USER)
  const auth = container.resolve(Modules.AUTH)
  let [user] = await users.listUsers({ email })
  if (!user) {
    const { result } = await createUsersWorkflow(container).run({ input: { users: [{ email }] } })
    user = result[0]
  }
  const [identity] = await auth.listProviderIdentities({ entity_id: email, provider: "emailpass" })
  if (identity) {
    return "exists"
  }
  const { authIdentity, error } = await auth.register("emailpass", { body: { email, password } })
  if (error || !authIdentity) {
    throw new Error(`Could not create the admin login for ${email}: ${error}`)
  }
  await auth.updateAuthIdentities({ id: authIdentity.id, app_metadata: { user_id: user.id } })
  return "created"
}
