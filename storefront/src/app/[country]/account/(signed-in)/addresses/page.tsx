import type { Metadata } from "next"
import Link from "next/link"
import { retrieveCustomer } from "@/lib/data/customer"
import { ActionForm } from "@/components/action-form"
import { deleteCustomerAddress } from "@/lib/data/account-actions"
import { countryName, countyName } from "@/lib/util/kenya"
import { displayKenyanPhone } from "@/lib/util/phone"

export const metadata: Metadata = { title: "Addresses", robots: { index: false } }

export default async function AddressesPage({ params }: { params: Promise<{ country: string }> }) {
  const { country } = await params
  const customer = await retrieveCustomer()
  const addresses = customer?.addresses ?? []
  return (
    <div className="stack">
      <div className="spread">
        <h1 style={{ margin: 0 }}>Addresses</h1>
        <Link className="btn btn--small" href={`/${country}/account/addresses/new`}>
          Add an address
        </Link>
      </div>
      {addresses.length ? (
        <ul className="address-grid">
          {addresses.map((a) => (
            <li className="panel stack" key={a.id}>
              {a.is_default_shipping ? <span className="badge badge--ok">Default</span> : null}
              <address>
                {a.first_name} {a.last_name}
                <br />
                {displayKenyanPhone(a.phone)}
                <br />
                {[a.address_1, a.address_2].filter(Boolean).join(", ")}
                <br />
                {[a.city, countyName(a.province), countryName(a.country_code ?? "")].filter(Boolean).join(", ")}
              </address>
              <div className="row">
                <Link href={`/${country}/account/addresses/${a.id}`}>
                  Edit<span className="visually-hidden"> {a.address_1}</span>
                </Link>
                <ActionForm action={deleteCustomerAddress} pendingLabel="Deleting…">
                  <input type="hidden" name="country" value={country} />
                  <input type="hidden" name="address_id" value={a.id} />
                  <button className="link-button link-button--danger" type="submit">
                    Delete<span className="visually-hidden"> {a.address_1}</span>
                  </button>
                </ActionForm>
              </div>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">No addresses yet. Your checkout address is saved here for next time.</p>
      )}
    </div>
  )
}
