import type { Metadata } from "next"
import Link from "next/link"
import { getTranslations } from "next-intl/server"
import { MessagePreferences } from "@/components/account/message-preferences"
import { OrderList } from "@/components/account/order-list"
import { retrieveCustomer } from "@/lib/data/customer"
import { getNotificationPreferences } from "@/lib/data/notification-preferences"
import { listCustomerOrders } from "@/lib/data/orders"
import { countyName } from "@/lib/util/kenya"

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account"))("metaTitle"), robots: { index: false } }
}

export default async function AccountPage({ params }: { params: Promise<{ country: string }> }) {
  const { country } = await params
  const [customer, { orders }, preferences, t, tp] = await Promise.all([
    retrieveCustomer(),
    listCustomerOrders(3),
    // The page still works when the notifications plugin does not answer.
    getNotificationPreferences().catch(() => undefined),
    getTranslations("account"),
    getTranslations("preferences"),
  ])
  if (!customer) {
    return null
  }
  const address = customer.addresses?.find((a) => a.is_default_shipping) ?? customer.addresses?.[0]
  return (
    <div className="stack">
      <h1>{t("greeting", { name: customer.first_name || t("there") })}</h1>
      <p className="muted">{t("signedInAs", { email: customer.email })}</p>
      <section className="panel" aria-labelledby="recent-orders">
        <div className="section__head">
          <h2 id="recent-orders" className="h3">
            {t("recentOrders")}
          </h2>
          <Link href={`/${country}/account/orders`}>{t("allOrders")}</Link>
        </div>
        {orders.length ? (
          <OrderList orders={orders} country={country} />
        ) : (
          <p className="muted">
            {t("noOrders")} <Link href={`/${country}/store`}>{t("startShopping")}</Link>
          </p>
        )}
      </section>
      <section className="panel" aria-labelledby="default-address">
        <div className="section__head">
          <h2 id="default-address" className="h3">
            {t("deliveryAddress")}
          </h2>
          <Link href={`/${country}/account/addresses`}>{t("manage")}</Link>
        </div>
        {address ? (
          <address>
            {[address.address_1, address.city, countyName(address.province)].filter(Boolean).join(", ")}
          </address>
        ) : (
          <p className="muted">{t("noAddress")}</p>
        )}
      </section>
      <section className="panel" aria-labelledby="message-preferences">
        <h2 id="message-preferences" className="h3">
          {tp("title")}
        </h2>
        <p className="muted small">{tp("intro")}</p>
        {preferences ? (
          <MessagePreferences smsOn={!preferences.sms_opt_out} locale={preferences.locale} />
        ) : (
          <p className="muted">{tp("unavailable")}</p>
        )}
      </section>
    </div>
  )
}
