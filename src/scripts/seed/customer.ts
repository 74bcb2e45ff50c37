import { createCustomerAccountWorkflow } from "@medusajs/medusa/core-flows"
import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"

export const DEMO_CUSTOMER = {
  email: "demo@example.com",
  password: "supersecret",
  first_name: "Wanjiku",
  last_name: "Kamau",
  phone: "+254708374149",
}

/** A shopper account that can log in to the storefront with an address on file. */
export async function seedDemoCustomer(container: MedusaContainer) {
  const customers = container.resolve(Modules.CUSTOMER)
  const auth = container.resolve(Modules.AUTH)
  const [existing] = await customers.listCustomers({ email: DEMO_CUSTOMER.email, has_account: true })
  if (existing) {
    return existing.id
  }
  const [identity] = await auth.listProviderIdentities({
    entity_id: DEMO_CUSTOMER.email,
    provider: "emailpass",
  })
  let authIdentityId = identity?.auth_identity_id
  if (!authIdentityId) {
    const { authIdentity, error } = await auth.register("emailpass", {
      body: { email: DEMO_CUSTOMER.email, password: DEMO_CUSTOMER.password },
    })
    if (error || !authIdentity) {
      throw new Error(`Could not register the demo customer: ${error}`)
    }
    authIdentityId = authIdentity.id
  }
  const { password: _password, ...customerData } = DEMO_CUSTOMER
  const { result: customer } = await createCustomerAccountWorkflow(container).run({
    input: { authIdentityId, customerData },
  })
  await customers.createCustomerAddresses({
    customer_id: customer.id,
    first_name: DEMO_CUSTOMER.first_name,
    last_name: DEMO_CUSTOMER.last_name,
    phone: DEMO_CUSTOMER.phone,
    address_1: "Kenyatta Avenue 12",
    city: "Nairobi",
    province: "Nairobi County",
    postal_code: "00100",
    country_code: "ke",
    is_default_shipping: true,
    is_default_billing: true,
  })
  return customer.id
}
