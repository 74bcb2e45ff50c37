import type { Metadata } from "next"
import Link from "next/link"
import { getLocale, getTranslations } from "next-intl/server"
import { retrieveCustomer } from "@/lib/data/customer"
import { ActionForm } from "@/components/action-form"
import { deleteCustomerAddress } from "@/lib/data/account-actions"
import { countryName, countyName } from "@/lib/util/kenya"
import { displayKenyanPhone } from "@/lib/util/phone"

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("address"))("listTitle"), robots: { index: false } }
}

export default async function AddressesPage({ params }: { params: Promise<{ country: string }> }) {
  const { country } = await params
  const [customer, t, locale] = await Promise.all([retrieveCustomer(), getTranslations("address"), getLocale()])
  const addresses = customer?.addresses ?? []
  return (
    <div className="stack">
      <div className="spread">
        <h1 style={{ margin: 0 }}>{t("listTitle")}</h1>
        <Link className="btn btn--small" href={`/${country}/account/addresses/new`}>
          {t("add")}
        </Link>
      </div>
      {addresses.length ? (
        <ul className="address-grid">
          {addresses.map((a) => (
            <li className="panel stack" key={a.id}>
              {a.is_default_shipping ? <span className="badge badge--ok">{t("default")}</span> : null}
              <address>
                {a.first_name} {a.last_name}
                <br />
                {displayKenyanPhone(a.phone)}
                <br />
                {[a.address_1, a.address_2].filter(Boolean).join(", ")}
                <br />
                {[a.city, countyName(a.province), countryName(a.country_code ?? "", null, locale)].filter(Boolean).join(", ")}
              </address>
              <div className="row">
                <Link href={`/${country}/account/addresses/${a.id}`}>
                  {t("edit")}<span className="visually-hidden"> {a.address_1}</span>
                </Link>
                <ActionForm action={deleteCustomerAddress} pendingLabel={t("deleting")}>
                  <input type="hidden" name="country" value={country} />
                  <input type="hidden" name="address_id" value={a.id} />
                  <button className="link-button link-button--danger" type="submit">
                    {t("delete")}<span className="visually-hidden"> {a.address_1}</span>
                  </button>
                </ActionForm>
              </div>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t("none")}</p>
      )}
    </div>
  )
}
